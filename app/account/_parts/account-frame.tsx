import type { ReactNode } from "react";
import type { AccountFrame as Frame } from "@/lib/account/load-account-view";
import { HostedCard } from "../../_hosted/hosted-card";

export const INPUT =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
export const PRIMARY =
  "rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
export const SECONDARY =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
export const LABEL = "text-sm font-medium text-slate-800";

/**
 * The frame of every My Account page, inside the one hosted page shell (HostedCard: the brand's
 * logo, colours and footer links, as on the sign-in pages), in a wide card: skip link, the
 * signed-in user, the sections' navigation (aria-current on this one), the page's title, and the
 * notice of the last form post in a live region (role=status for a success, role=alert for an
 * error, so screen readers announce it).
 */
export function AccountFrame({ frame, children }: { frame: Frame; children: ReactNode }) {
  const { t } = frame;
  return (
    <HostedCard locale={frame.locale} wide>
      <div lang={frame.locale}>
        <a href="#account-content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("account.skip")}
        </a>
        <div className="mb-6 flex flex-wrap items-center justify-between gap-2">
          <p className="text-lg font-semibold text-slate-900">{t("account.title")}</p>
          <p className="break-all text-sm text-slate-700">{t("account.signedInAs", { login: frame.login })}</p>
        </div>
        <nav aria-label={t("nav.label")} className="mb-6">
          <ul className="flex flex-wrap gap-2">
            {frame.nav.map((item) => (
              <li key={item.page}>
                <a
                  href={item.href}
                  aria-current={item.current ? "page" : undefined}
                  className={`inline-block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${item.current ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section id="account-content" tabIndex={-1} aria-labelledby="account-title" className="border-t border-slate-200 pt-6 focus:outline-none">
          <h1 id="account-title" className="mb-4 text-2xl font-semibold tracking-tight">
            {frame.title}
          </h1>
          {frame.notice?.tone === "error" ? (
            <div id="account-notice" role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              {frame.notice.text}
            </div>
          ) : (
            <div id="account-notice" role="status" className={frame.notice ? "mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900" : "sr-only"}>
              {frame.notice?.text ?? ""}
            </div>
          )}
          {children}
        </section>
      </div>
    </HostedCard>
  );
}

/** The hidden CSRF field of a My Account form. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}

/**
 * A labelled input of a My Account form with an optional note under it (`note`: a hint, or the
 * field's problem when `invalid`), tied to it by aria-describedby (with any `describedBy` ids).
 */
export function AccountField(props: {
  name: string;
  label: string;
  type: "text" | "password" | "email";
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  autoFocus?: boolean;
  invalid?: boolean;
  note?: string | null;
  describedBy?: string;
}) {
  const id = `f-${props.name}`;
  const noteId = props.note ? `${id}-note` : "";
  const describedBy = [noteId, props.describedBy ?? ""].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={LABEL}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type}
        defaultValue={props.defaultValue}
        autoComplete={props.autoComplete}
        required={props.required}
        autoFocus={props.autoFocus}
        aria-invalid={props.invalid || undefined}
        aria-describedby={describedBy || undefined}
        className={INPUT}
      />
      {props.note ? (
        <p id={noteId} className={`text-sm ${props.invalid && !props.describedBy ? "text-red-800" : "text-slate-600"}`}>
          {props.note}
        </p>
      ) : null}
    </div>
  );
}

/** The current-password field a stale sign-in must fill in before a sensitive change (lib/account needsReauthentication), with its explanation. */
export function ReauthField({ id, intro, label }: { id: string; intro: string; label: string }) {
  return (
    <div className="flex flex-col gap-1">
      <p id={`${id}-reauth`} className="text-sm text-slate-700">
        {intro}
      </p>
      <label htmlFor={`${id}-password`} className={LABEL}>
        {label}
      </label>
      <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required aria-describedby={`${id}-reauth`} className={INPUT} />
    </div>
  );
}
