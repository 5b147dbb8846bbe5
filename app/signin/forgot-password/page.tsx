import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadForgotPasswordView } from "@/lib/hosted/load-recovery-views";
import { formErrorMessage } from "@/lib/hosted/recovery-form-errors";
import { recoveryTranslator } from "@/lib/hosted/recovery-messages";
import { HostedNotice } from "../../_hosted/hosted-notice";
import { orUnavailable } from "../../_hosted/or-unavailable";
import { pageLocale } from "../../_hosted/page-locale";
import { searchParam, type SearchParams } from "../../_hosted/search-param";
import { Field, HiddenFields, LINK, RecoveryCard, RecoveryNotice, SubmitButton } from "../_recovery/recovery-ui";

export const dynamic = "force-dynamic";
// As the sign-in page: same-origin referrer so the form post carries the Origin the submit step checks.
export const metadata: Metadata = { title: "Reset your password", robots: { index: false, follow: false }, referrer: "same-origin" };

/**
 * "Forgot password?" (/signin/forgot-password?request=<id>|return_to=<path>), server-rendered, no
 * JavaScript: the username or email, then the same "check your email" page whatever was typed.
 */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const requestHeaders = await headers();
  const view = await orUnavailable("/signin/forgot-password", query, () =>
    loadForgotPasswordView(app, {
      request: searchParam(query, "request"),
      hasRequest: query.request !== undefined,
      returnTo: searchParam(query, "return_to"),
      started: searchParam(query, "started") === "1",
      sent: searchParam(query, "sent") === "1",
      error: searchParam(query, "error"),
      cookieHeader: requestHeaders.get("cookie"),
    }),
  );
  if (!view.ok && view.reason === "start") redirect(view.url);
  const { locale, t } = recoveryTranslator(await pageLocale(searchParam(query, "request")));
  if (!view.ok) {
    return <HostedNotice reason={view.reason} locale={locale} />;
  }
  const back = { href: view.signinHref, label: t("common.back") };
  if (view.sent) return <RecoveryNotice locale={locale} title={t("forgot.sentTitle")} text={t("forgot.sent", { minutes: view.minutes })} link={back} />;
  return (
    <RecoveryCard locale={locale} title={t("forgot.title")} errors={view.errors.map((code) => formErrorMessage(code, t))}>
      <p className="mb-6 text-slate-700">{t("forgot.intro")}</p>
      <form method="post" action="/signin/forgot-password/submit" className="flex flex-col gap-4">
        <HiddenFields fields={{ ...view.fields, csrf: view.csrfToken }} />
        <Field id="username" type="text" autoComplete="username" label={t("forgot.username")} invalid={view.errors.length > 0} autoFocus />
        <SubmitButton>{t("forgot.submit")}</SubmitButton>
      </form>
      <p className="mt-6 text-sm">
        <a href={back.href} className={LINK}>
          {back.label}
        </a>
      </p>
    </RecoveryCard>
  );
}
