"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** The toggle's words in the page's language: the visible "Show"/"Hide" and the full names ("Show password"). */
export type PasswordFieldLabels = { show: string; hide: string; showLabel: string; hideLabel: string };

/**
 * The password input with a "Show password" toggle. The toggle appears only once JavaScript runs
 * (the server-rendered form works without it); it is a real button with aria-pressed, named by
 * the full label (which contains the visible word, WCAG 2.5.3).
 */
export function PasswordField({ autoFocus, invalid, describedBy, labels }: { autoFocus: boolean; invalid: boolean; describedBy?: string; labels: PasswordFieldLabels }) {
  const [visible, setVisible] = useState(false);
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  return (
    <div className="flex gap-2">
      <input
        id="password"
        name="password"
        type={visible ? "text" : "password"}
        autoComplete="current-password"
        required
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      />
      {hydrated ? (
        <button
          type="button"
          aria-pressed={visible}
          aria-controls="password"
          aria-label={visible ? labels.hideLabel : labels.showLabel}
          onClick={() => setVisible((value) => !value)}
          className="shrink-0 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {visible ? labels.hide : labels.show}
        </button>
      ) : null}
    </div>
  );
}
