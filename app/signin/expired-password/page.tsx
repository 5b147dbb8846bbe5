import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadExpiredPasswordView } from "@/lib/hosted/load-recovery-views";
import { formErrorMessage, isCurrentPasswordError } from "@/lib/hosted/recovery-form-errors";
import { recoveryTranslator } from "@/lib/hosted/recovery-messages";
import { PASSWORD_MIN_LENGTH } from "@/lib/hosted/recovery-constants";
import { HostedNotice } from "../../_hosted/hosted-notice";
import { orUnavailable } from "../../_hosted/or-unavailable";
import { pageLocale } from "../../_hosted/page-locale";
import { searchParam, type SearchParams } from "../../_hosted/search-param";
import { Field, HiddenFields, LINK, RecoveryCard, SubmitButton } from "../_recovery/recovery-ui";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form post carries the Origin the submit step checks.
export const metadata: Metadata = { title: "Your password has expired", robots: { index: false, follow: false }, referrer: "same-origin" };

/**
 * The sign-in's expired-password step (/signin/expired-password?request=<id>|return_to=<path>&username=...):
 * the current password again and the new one twice; then the sign-in goes on where it was.
 */
export default async function ExpiredPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const requestHeaders = await headers();
  const view = await orUnavailable("/signin/expired-password", query, () =>
    loadExpiredPasswordView(app, {
      request: searchParam(query, "request"),
      hasRequest: query.request !== undefined,
      returnTo: searchParam(query, "return_to"),
      username: searchParam(query, "username"),
      started: searchParam(query, "started") === "1",
      error: searchParam(query, "error"),
      cookieHeader: requestHeaders.get("cookie"),
    }),
  );
  if (!view.ok && view.reason === "start") redirect(view.url);
  const { locale, t } = recoveryTranslator(await pageLocale(searchParam(query, "request")));
  if (!view.ok) {
    return <HostedNotice reason={view.reason} locale={locale} />;
  }
  const currentInvalid = view.errors.some(isCurrentPasswordError);
  const newInvalid = view.errors.some((code) => !isCurrentPasswordError(code) && code !== "rate_limited");
  return (
    <RecoveryCard locale={locale} title={t("expired.title")} errors={view.errors.map((code) => formErrorMessage(code, t))}>
      <p className="mb-6 text-slate-700">{t("expired.intro", { login: view.username })}</p>
      <form method="post" action="/signin/expired-password/submit" className="flex flex-col gap-4">
        <HiddenFields fields={{ ...view.fields, csrf: view.csrfToken }} />
        <input type="text" name="username" autoComplete="username" value={view.username} readOnly hidden />
        <Field id="current_password" type="password" autoComplete="current-password" label={t("expired.current")} invalid={currentInvalid} autoFocus={!newInvalid} />
        <Field id="password" type="password" autoComplete="new-password" label={t("common.newPassword")} hint={t("common.passwordHint", { min: PASSWORD_MIN_LENGTH })} invalid={newInvalid} autoFocus={newInvalid} />
        <Field id="confirm" type="password" autoComplete="new-password" label={t("common.confirmPassword")} invalid={view.errors.includes("mismatch")} />
        <SubmitButton>{t("expired.submit")}</SubmitButton>
      </form>
      <p className="mt-6 text-sm">
        <a href={view.signinHref} className={LINK}>
          {t("common.back")}
        </a>
      </p>
    </RecoveryCard>
  );
}
