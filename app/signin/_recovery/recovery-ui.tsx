import type { Locale } from "@/lib/i18n/locales";
import { HostedCard } from "../../_hosted/hosted-card";

export const INPUT =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const BUTTON =
  "mt-2 rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
export const LINK = "text-brand-700 underline hover:text-brand-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
export const ERROR_ID = "recovery-error";

/**
 * The frame of the account pages (forgot password, reset link, welcome, expired password): the
 * sign-in page's card, a heading, and the error region announced to screen readers (role=alert),
 * in the page's language (`lang`).
 */
export function RecoveryCard({ locale, title, errors = [], children }: { locale: Locale; title: string; errors?: string[]; children: React.ReactNode }) {
  return (
    <HostedCard locale={locale}>
      <div lang={locale}>
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">{title}</h1>
        <div id={ERROR_ID} role="alert" aria-live="assertive" className={errors.length ? "mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
          {errors.length === 1 ? errors[0] : errors.length ? (
            <ul className="list-disc pl-5">
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        {children}
      </div>
    </HostedCard>
  );
}

/** The hidden fields of a form. */
export function HiddenFields({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** A labelled input (required unless `optional`); `invalid` marks it and points it at the error region, `hint` is read with it. */
export function Field(props: { id: string; label: string; type: "text" | "password" | "email"; autoComplete: string; invalid?: boolean; hint?: string; autoFocus?: boolean; defaultValue?: string; optional?: boolean }) {
  const describedBy = [props.hint ? `${props.id}-hint` : null, props.invalid ? ERROR_ID : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <input
        id={props.id}
        name={props.id}
        type={props.type}
        autoComplete={props.autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        required={!props.optional}
        autoFocus={props.autoFocus}
        defaultValue={props.defaultValue}
        aria-invalid={props.invalid || undefined}
        aria-describedby={describedBy}
        className={INPUT}
      />
      {props.hint ? (
        <p id={`${props.id}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children }: { children: React.ReactNode }) {
  return (
    <button type="submit" className={BUTTON}>
      {children}
    </button>
  );
}

/** A page that only says something (the link's state, a confirmation) with a way on. */
export function RecoveryNotice({ locale, title, text, next, link }: { locale: Locale; title: string; text: string; next?: string; link?: { href: string; label: string } }) {
  return (
    <RecoveryCard locale={locale} title={title}>
      <p className="text-slate-700">{text}</p>
      {next ? <p className="mt-3 text-slate-700">{next}</p> : null}
      {link ? (
        <p className="mt-6">
          <a href={link.href} className={LINK}>
            {link.label}
          </a>
        </p>
      ) : null}
    </RecoveryCard>
  );
}
