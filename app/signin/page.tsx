import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppContext } from "@/lib/app-context";
import { loadReturnToSigninView, loadSigninView, passwordlessOffered } from "@/lib/hosted/load-signin-view";
import { SIGNIN_MESSAGES, signinErrorMessage } from "@/lib/hosted/signin-messages";
import { HOSTED_PAGE_MESSAGES } from "@/lib/hosted/hosted-page-messages";
import { createTranslator } from "@/lib/i18n/format-message";
import type { Locale } from "@/lib/i18n/locales";
import { HostedCard } from "../_hosted/hosted-card";
import { HostedNotice } from "../_hosted/hosted-notice";
import { orUnavailable } from "../_hosted/or-unavailable";
import { SigninHeading } from "../_hosted/signin-heading";
import { pageLocale } from "../_hosted/page-locale";
import { searchParam, type SearchParams } from "../_hosted/search-param";
import { PasskeySignin } from "./passkey-signin";
import { PasswordField } from "./password-field";
import { ForgotPasswordLink } from "./forgot-password-link";
import { CreateAccountLink } from "./register/create-account-link";
import { registrationOffered } from "@/lib/hosted/registration-pages";

export const dynamic = "force-dynamic";
// The server sends Referrer-Policy: no-referrer everywhere, with which browsers post forms with
// `Origin: null` and the submit step's same-origin check refuses them: this page's own policy is
// same-origin (nothing leaves the origin either way).
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const locale = await pageLocale(searchParam(await searchParams, "request")).catch(() => "en" as const);
  return { title: createTranslator(SIGNIN_MESSAGES, locale)("page.title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

const INPUT =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-base focus:border-brand-600 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * The hosted sign-in page, server-rendered, works without JavaScript:
 * - `/signin?request=<id>`: a pending authorization; the form posts the request id and its CSRF
 *   token to /signin/submit, which continues the authorization;
 * - without `request` (`/signin?return_to=/admin`): a plain sign-in that lands on the sanitised
 *   return_to (the admin console) or "/"; its CSRF cookie comes from /signin/start.
 * Both offer "Sign in with a passkey" (and passkeys among the username field's suggestions) when the
 * org setting passwordlessPasskeys is on. In the request's language (pageLocale).
 */
export default async function SigninPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const app = getAppContext();
  const cookieHeader = (await headers()).get("cookie");
  const requestId = searchParam(query, "request");
  const locale = await orUnavailable("/signin", query, () => pageLocale(requestId));
  if (requestId === null && query.request === undefined) {
    const plain = loadReturnToSigninView({
      locale,
      returnTo: searchParam(query, "return_to"),
      error: searchParam(query, "error"),
      started: searchParam(query, "started") === "1",
      cookieHeader,
      secretsKey: app.secretsKey,
      orgUrl: app.orgUrl,
    });
    if (!plain.ok) {
      if (plain.reason === "start") redirect(plain.startUrl);
      return <HostedNotice reason="csrf" locale={locale} />;
    }
    const [passkeys, register] = await orUnavailable("/signin", query, () => Promise.all([passwordlessOffered(app.db), registrationOffered(app.db)]));
    return <SigninForm flow={{ return_to: plain.returnTo }} csrf={plain.csrfToken} username="" error={plain.error} passkeys={passkeys} register={register} locale={locale} />;
  }
  const view = await orUnavailable("/signin", query, async () => {
    const loaded = await loadSigninView(app.db, { requestId, error: searchParam(query, "error"), cookieHeader, secretsKey: app.secretsKey, now: app.now(), locale });
    return loaded.ok ? { ...loaded, passkeys: await passwordlessOffered(app.db), register: await registrationOffered(app.db) } : loaded;
  });
  if (!view.ok) {
    if (view.reason === "factor") redirect(view.url);
    return <HostedNotice reason={view.reason} locale={locale} />;
  }
  return <SigninForm flow={{ request: view.requestId }} csrf={view.csrfToken} username={view.username} error={view.error} appLabel={view.appLabel} logoUri={view.logoUri} passkeys={view.passkeys} register={view.register} locale={locale} />;
}

function SigninForm({
  flow,
  csrf,
  username,
  error,
  appLabel,
  logoUri,
  passkeys,
  register,
  locale,
}: {
  /** the fields naming the sign-in: {request} or {return_to} */
  flow: Record<string, string>;
  csrf: string;
  username: string;
  error: { kind: string; message: string } | null;
  appLabel?: string;
  logoUri?: string | null;
  /** "Sign in with a passkey" is offered (the org setting passwordlessPasskeys) */
  passkeys: boolean;
  /** "Create an account" is offered (the org setting selfServiceRegistration) */
  register: boolean;
  locale: Locale;
}) {
  const t = createTranslator(SIGNIN_MESSAGES, locale);
  const shared = createTranslator(HOSTED_PAGE_MESSAGES, locale);
  const hidden = { ...flow, csrf };
  // The first field to fix: the username when it is empty, else the password.
  const focusUsername = username === "";
  const usernameInvalid = error !== null && (error.kind !== "missing" || username === "");
  const passwordInvalid = error !== null && !usernameInvalid;
  return (
    <HostedCard appLabel={appLabel} logoUri={logoUri} locale={locale}>
      <SigninHeading>{t("page.heading")}</SigninHeading>
      <div id="signin-error" role="alert" aria-live="assertive" className={error ? "mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" : "sr-only"}>
        {error?.message ?? ""}
      </div>
      <form method="post" action="/signin/submit" className="flex flex-col gap-4">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="flex flex-col gap-1">
          <label htmlFor="username" className="text-sm font-medium text-slate-800">
            {t("page.username")}
          </label>
          <input
            id="username"
            name="username"
            type="text"
            autoComplete={passkeys ? "username webauthn" : "username"}
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={username}
            autoFocus={focusUsername}
            aria-invalid={usernameInvalid || undefined}
            aria-describedby={error ? "signin-error" : undefined}
            className={INPUT}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="password" className="text-sm font-medium text-slate-800">
            {t("page.password")}
          </label>
          <PasswordField
            autoFocus={!focusUsername}
            invalid={passwordInvalid}
            describedBy={error ? "signin-error" : undefined}
            labels={{ show: shared("password.show"), hide: shared("password.hide"), showLabel: shared("password.showLabel"), hideLabel: shared("password.hideLabel") }}
          />
        </div>
        <button
          type="submit"
          className="mt-2 rounded-md bg-brand-600 px-4 py-2 font-medium text-white shadow-sm hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          {t("page.submit")}
        </button>
      </form>
      <ForgotPasswordLink flow={flow} />
      {register ? <CreateAccountLink flow={flow} locale={locale} /> : null}
      {passkeys ? <PasskeySignin flowFields={flow} csrfToken={csrf} label={t("page.passkey")} failedMessage={signinErrorMessage("passkey", locale)} /> : null}
    </HostedCard>
  );
}
