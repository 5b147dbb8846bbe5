import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadTokenPageView } from "@/lib/hosted/load-recovery-views";
import { formErrorMessage, isCurrentPasswordError } from "@/lib/hosted/recovery-form-errors";
import { recoveryTranslator } from "@/lib/hosted/recovery-messages";
import { recoveryPaths } from "@/lib/hosted/recovery-urls";
import { PASSWORD_MIN_LENGTH, type UserTokenKind } from "@/lib/hosted/recovery-constants";
import { HostedNotice } from "../../_hosted/hosted-notice";
import { orUnavailable } from "../../_hosted/or-unavailable";
import { pageLocale } from "../../_hosted/page-locale";
import { searchParam } from "../../_hosted/search-param";
import { Field, HiddenFields, RecoveryCard, RecoveryNotice, SubmitButton } from "./recovery-ui";

/**
 * The page of a one-time link (server-rendered, no JavaScript): the reset link
 * (/signin/reset-password/{token}) or the welcome link (/signin/welcome/{token}). Shows the form
 * (the new password twice, the policy as a hint, errors announced) or says why the link does not
 * work; showing it uses nothing.
 */
export async function TokenPasswordPage({ kind, token, query }: { kind: UserTokenKind; token: string; query: Record<string, string | string[] | undefined> }) {
  const app = getAppContext();
  const requestHeaders = await headers();
  const path = kind === "ACTIVATION" ? recoveryPaths.welcome(token) : recoveryPaths.resetPassword(token);
  const view = await orUnavailable(path, query, () =>
    loadTokenPageView(app, { kind, token, fromUri: searchParam(query, "fromURI"), started: searchParam(query, "started") === "1", error: searchParam(query, "error"), cookieHeader: requestHeaders.get("cookie") }),
  );
  if (!view.ok && view.reason === "start") redirect(view.url);
  const { locale, t } = recoveryTranslator(await pageLocale(null, view.ok ? view.profileLocale : null));
  if (!view.ok) {
    if (view.reason === "link") {
      const recovery = kind === "RECOVERY";
      return (
        <RecoveryNotice
          locale={locale}
          title={t(`link.${view.refusal}Title`)}
          text={t(`link.${view.refusal}`)}
          next={t(recovery ? "link.recoveryNext" : "link.activationNext")}
          link={recovery ? { href: recoveryPaths.forgot({ return_to: "/" }), label: t("common.requestNewLink") } : undefined}
        />
      );
    }
    return <HostedNotice reason={view.reason} locale={locale} />;
  }
  const errors = view.errors.filter((code) => !isCurrentPasswordError(code));
  const welcome = kind === "ACTIVATION";
  return (
    <RecoveryCard locale={locale} title={t(welcome ? "welcome.title" : "reset.title")} errors={errors.map((code) => formErrorMessage(code, t))}>
      <p className="mb-6 text-slate-700">{t(welcome ? "welcome.intro" : "reset.intro", { login: view.login })}</p>
      <form method="post" action={welcome ? "/signin/welcome/submit" : "/signin/reset-password/submit"} className="flex flex-col gap-4">
        <HiddenFields fields={{ token: view.token, csrf: view.csrfToken, return_to: view.returnTo }} />
        {/* the login, for password managers to file the new password under */}
        <input type="text" name="username" autoComplete="username" value={view.login} readOnly hidden />
        <Field id="password" type="password" autoComplete="new-password" label={t("common.newPassword")} hint={t("common.passwordHint", { min: PASSWORD_MIN_LENGTH })} invalid={errors.length > 0} autoFocus />
        <Field id="confirm" type="password" autoComplete="new-password" label={t("common.confirmPassword")} invalid={errors.includes("mismatch") || errors.includes("missing")} />
        <SubmitButton>{t(welcome ? "welcome.submit" : "reset.submit")}</SubmitButton>
      </form>
    </RecoveryCard>
  );
}
