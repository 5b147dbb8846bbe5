import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ACCOUNT_MESSAGES, type AccountMessageKey } from "@/lib/account/account-messages";
import { getAppContext } from "@/lib/app-context";
import { formErrorMessage } from "@/lib/hosted/recovery-form-errors";
import { RECOVERY_MESSAGES } from "@/lib/hosted/recovery-messages";
import { PASSWORD_MIN_LENGTH } from "@/lib/hosted/recovery-constants";
import { loadRegisterView } from "@/lib/hosted/registration-pages";
import { registrationTranslator } from "@/lib/hosted/registration-messages";
import { createTranslator } from "@/lib/i18n/format-message";
import { HostedNotice } from "../../_hosted/hosted-notice";
import { orUnavailable } from "../../_hosted/or-unavailable";
import { pageLocale } from "../../_hosted/page-locale";
import { searchParam, type SearchParams } from "../../_hosted/search-param";
import { Field, HiddenFields, LINK, RecoveryCard, RecoveryNotice, SubmitButton } from "../_recovery/recovery-ui";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form post carries the Origin the submit step checks.
export const metadata: Metadata = { title: "Create account", robots: { index: false, follow: false }, referrer: "same-origin" };

/** The browser's autofill names of the fields (HTML autocomplete tokens). */
const AUTOCOMPLETE: Record<string, string> = {
  email: "email",
  firstName: "given-name",
  lastName: "family-name",
  middleName: "additional-name",
  honorificPrefix: "honorific-prefix",
  honorificSuffix: "honorific-suffix",
  nickName: "nickname",
  displayName: "name",
  mobilePhone: "tel",
  primaryPhone: "tel",
  preferredLanguage: "language",
  locale: "off",
  timezone: "off",
};

/**
 * "Create account" (/signin/register?request=<id>|return_to=<path>), server-rendered, no
 * JavaScript, only while the org setting selfServiceRegistration is on (else not found): email,
 * first and last name, the org's chosen attributes and a password; then the same "check your email"
 * page whatever happened. In the sign-in's language (ui_locales, Accept-Language, org default).
 */
export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const requestHeaders = await headers();
  const locale = await orUnavailable("/signin/register", query, () => pageLocale(searchParam(query, "request")));
  const t = registrationTranslator(locale);
  const fieldText = createTranslator(ACCOUNT_MESSAGES, locale);
  const recoveryText = createTranslator(RECOVERY_MESSAGES, locale);
  const view = await orUnavailable("/signin/register", query, () =>
    loadRegisterView(app, {
      request: searchParam(query, "request"),
      hasRequest: query.request !== undefined,
      returnTo: searchParam(query, "return_to"),
      started: searchParam(query, "started") === "1",
      sent: searchParam(query, "sent") === "1",
      error: searchParam(query, "error"),
      values: Object.fromEntries(Object.keys(AUTOCOMPLETE).map((name) => [name, searchParam(query, name)])),
      cookieHeader: requestHeaders.get("cookie"),
    }),
  );
  if (!view.ok) {
    if (view.reason === "disabled") notFound();
    if (view.reason === "start") redirect(view.url);
    return <HostedNotice reason={view.reason} locale={locale} />;
  }
  const back = { href: view.signinHref, label: recoveryText("common.back") };
  if (view.sent) return <RecoveryNotice locale={locale} title={t("register.sentTitle")} text={t("register.sent", { minutes: view.minutes })} link={back} />;
  const label = (name: string) => (name === "email" ? t("register.email") : fieldText(`field.${name}` as AccountMessageKey));
  const fieldErrors = Object.entries(view.errors.fields).map(([name, problem]) => `${label(name)}: ${fieldText(`problem.${problem}`)}`);
  const errors = [...fieldErrors, ...view.errors.password.map((code) => formErrorMessage(code, recoveryText))];
  const firstInvalid = [...view.required, ...view.optional].find((name) => view.errors.fields[name]);
  const passwordInvalid = view.errors.password.some((code) => code !== "rate_limited");
  return (
    <RecoveryCard locale={locale} title={t("register.title")} errors={fieldErrors.length ? [t("register.invalid"), ...errors] : errors}>
      <p className="mb-6 text-slate-700">{t("register.intro")}</p>
      <form method="post" action="/signin/register/submit" className="flex flex-col gap-4">
        <HiddenFields fields={{ ...view.fields, csrf: view.csrfToken }} />
        {view.required.map((name) => (
          <Field key={name} id={name} type={name === "email" ? "email" : "text"} autoComplete={AUTOCOMPLETE[name]!} label={label(name)} defaultValue={view.values[name]} invalid={Boolean(view.errors.fields[name])} autoFocus={name === (firstInvalid ?? "email") && !passwordInvalid} />
        ))}
        {view.optional.map((name) => (
          <Field key={name} id={name} type="text" optional autoComplete={AUTOCOMPLETE[name] ?? "off"} label={t("register.optional", { label: label(name) })} defaultValue={view.values[name]} invalid={Boolean(view.errors.fields[name])} autoFocus={name === firstInvalid && !passwordInvalid} />
        ))}
        <Field id="password" type="password" autoComplete="new-password" label={t("register.password")} hint={recoveryText("common.passwordHint", { min: PASSWORD_MIN_LENGTH })} invalid={passwordInvalid} autoFocus={passwordInvalid} />
        <Field id="confirm" type="password" autoComplete="new-password" label={t("register.confirm")} invalid={view.errors.password.includes("mismatch") || view.errors.password.includes("missing")} />
        <SubmitButton>{t("register.submit")}</SubmitButton>
      </form>
      <p className="mt-6 text-sm">
        <a href={back.href} className={LINK}>
          {back.label}
        </a>
      </p>
    </RecoveryCard>
  );
}
