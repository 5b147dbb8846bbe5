import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { formErrorMessage } from "@/lib/hosted/recovery-form-errors";
import { RECOVERY_MESSAGES } from "@/lib/hosted/recovery-messages";
import { recoveryPaths } from "@/lib/hosted/recovery-urls";
import { loadVerifyEmailView } from "@/lib/hosted/registration-pages";
import { registrationTranslator } from "@/lib/hosted/registration-messages";
import { createTranslator } from "@/lib/i18n/format-message";
import { HostedNotice } from "../../../_hosted/hosted-notice";
import { orUnavailable } from "../../../_hosted/or-unavailable";
import { pageLocale } from "../../../_hosted/page-locale";
import { searchParam, type SearchParams } from "../../../_hosted/search-param";
import { Field, HiddenFields, RecoveryCard, RecoveryNotice, SubmitButton } from "../../_recovery/recovery-ui";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form post carries the Origin the submit step checks.
export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false, follow: false }, referrer: "same-origin" };

/**
 * /signin/verify-email/{token}[?fromURI=]: the link of a registration's verification email
 * (server-rendered, no JavaScript). The password chosen at registration confirms the address, the
 * account becomes active and the person is signed in; or the page says why the link does not work.
 * Showing it uses nothing.
 */
export default async function VerifyEmailPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: SearchParams }) {
  const token = (await params).token;
  const query = await searchParams;
  const app = getAppContext();
  const path = recoveryPaths.verifyEmail(token);
  const locale = await orUnavailable(path, query, () => pageLocale(null));
  const t = registrationTranslator(locale);
  const recoveryText = createTranslator(RECOVERY_MESSAGES, locale);
  const cookieHeader = (await headers()).get("cookie");
  const view = await orUnavailable(path, query, () =>
    loadVerifyEmailView(app, { token, fromUri: searchParam(query, "fromURI"), started: searchParam(query, "started") === "1", error: searchParam(query, "error"), cookieHeader }),
  );
  if (!view.ok) {
    if (view.reason === "disabled") notFound();
    if (view.reason === "start") redirect(view.url);
    if (view.reason === "link") {
      return <RecoveryNotice locale={locale} title={recoveryText(`link.${view.refusal}Title`)} text={recoveryText(`link.${view.refusal}`)} next={t("verify.next")} link={{ href: recoveryPaths.register({ return_to: "/" }), label: t("signin.createAccount") }} />;
    }
    return <HostedNotice reason={view.reason} locale={locale} />;
  }
  const errors = [...(view.wrongPassword ? [t("verify.wrong")] : []), ...view.errors.map((code) => formErrorMessage(code, recoveryText))];
  return (
    <RecoveryCard locale={locale} title={t("verify.title")} errors={errors}>
      <p className="mb-6 text-slate-700">{t("verify.intro", { login: view.login })}</p>
      <form method="post" action="/signin/verify-email/submit" className="flex flex-col gap-4">
        <HiddenFields fields={{ token: view.token, csrf: view.csrfToken, return_to: view.returnTo }} />
        {/* the login, for password managers */}
        <input type="text" name="username" autoComplete="username" value={view.login} readOnly hidden />
        <Field id="password" type="password" autoComplete="current-password" label={t("verify.password")} invalid={errors.length > 0} autoFocus />
        <SubmitButton>{t("verify.submit")}</SubmitButton>
      </form>
    </RecoveryCard>
  );
}
