"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type ReactNode } from "react";
import { submitDashboardAction, type ActionState } from "../actions";
import { CopyButton } from "./copy-button";
import { useNotice } from "./notice";
import { READ_ONLY_EXPLANATION, useCanRun } from "./permissions";
import { buttonClass } from "./ui";

export type ConfirmOptions = { title: string; body: ReactNode; confirmLabel: string };

type Props = {
  /** the dashboard action's name */
  action: string;
  /** hidden fields (ids) */
  fields?: Record<string, string>;
  children?: ReactNode;
  submitLabel: string;
  variant?: keyof typeof buttonClass;
  /** ask before submitting (destructive actions) */
  confirm?: ConfirmOptions;
  /** a one-line form (a lone button in a table row) */
  inline?: boolean;
  /** clears the fields after success (add-member forms) */
  resetOnSuccess?: boolean;
  className?: string;
  /** a label for the submit button when the visible one is not enough (e.g. "Remove" in a row) */
  submitAriaLabel?: string;
};

/**
 * A form that runs a dashboard action through the server action: inline errors (with one line per
 * invalid field), a success notice, navigation to where the action leads, a confirmation dialog
 * for destructive actions, and a one-time reveal panel for secrets. Field values stay as typed
 * when the action fails. For an admin whose roles lack the action's permission (ACTION_PERMISSIONS)
 * the form is shown disabled, with the reason: the server refuses the action for them anyway.
 */
export function ActionForm({ action, fields = {}, children, submitLabel, variant = "primary", confirm, inline, resetOnSuccess, className = "", submitAriaLabel }: Props) {
  const [state, setState] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const notify = useNotice();
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const errorId = useId();
  const noteId = useId();
  const allowed = useCanRun(action);

  function run() {
    const form = formRef.current;
    if (!form || !allowed) return;
    const data = new FormData(form);
    data.set("_action", action);
    startTransition(async () => {
      const result = await submitDashboardAction(data);
      if (result.kind === "error") {
        setState(result);
        return;
      }
      setState(result.kind === "reveal" ? result : null);
      notify(result.notice);
      if (resetOnSuccess) form.reset();
      if (result.kind === "done" && result.redirectTo) router.push(result.redirectTo);
    });
  }

  if (state?.kind === "reveal") {
    return (
      <div className="rounded-md border border-amber-300 bg-amber-50 p-4" role="region" aria-label={state.reveal.label}>
        <p className="text-sm font-semibold text-amber-900">{state.reveal.label}</p>
        <p className="mt-1 text-sm text-amber-900">{state.reveal.note}</p>
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
          <code className="block break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900" data-testid="revealed-secret">
            {state.reveal.value}
          </code>
          <CopyButton value={state.reveal.value} label={`Copy ${state.reveal.label.toLowerCase()}`} />
        </div>
        <Link href={state.reveal.continueHref} onClick={() => setState(null)} className={`${buttonClass.primary} mt-3`}>
          {state.reveal.continueLabel}
        </Link>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      className={inline ? `inline-flex flex-wrap items-center gap-2 ${className}` : `flex flex-col gap-4 ${className}`}
      aria-describedby={state?.kind === "error" ? errorId : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm) dialogRef.current?.showModal();
        else run();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state?.kind === "error" ? (
        <div id={errorId} role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">{state.error}</p>
          {state.causes.length ? (
            <ul className="mt-1 list-disc pl-5">
              {state.causes.map((cause) => (
                <li key={cause}>{cause}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {allowed ? (
        <>
          {children}
          <div>
            <button type="submit" className={buttonClass[variant]} disabled={pending} aria-label={submitAriaLabel}>
              {pending ? "Working…" : submitLabel}
            </button>
          </div>
        </>
      ) : (
        <fieldset disabled className={inline ? "inline-flex flex-wrap items-center gap-2" : "flex flex-col gap-4"}>
          {children}
          <div className={inline ? "" : "flex flex-wrap items-center gap-3"}>
            <button type="submit" className={buttonClass[variant]} aria-label={submitAriaLabel} aria-describedby={noteId} title={READ_ONLY_EXPLANATION}>
              {submitLabel}
            </button>
            <span id={noteId} className={inline ? "sr-only" : "text-sm text-slate-600"}>
              {READ_ONLY_EXPLANATION}
            </span>
          </div>
        </fieldset>
      )}
      {confirm ? (
        <dialog ref={dialogRef} aria-labelledby={titleId} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
          <div className="p-5">
            <h2 id={titleId} className="text-lg font-semibold text-slate-900">
              {confirm.title}
            </h2>
            <div className="mt-2 text-sm text-slate-700">{confirm.body}</div>
            <div className="mt-5 flex justify-end gap-2">
              <button type="button" className={buttonClass.secondary} onClick={() => dialogRef.current?.close()} autoFocus>
                Cancel
              </button>
              <button
                type="button"
                className={buttonClass.danger}
                onClick={() => {
                  dialogRef.current?.close();
                  run();
                }}
              >
                {confirm.confirmLabel}
              </button>
            </div>
          </div>
        </dialog>
      ) : null}
    </form>
  );
}
