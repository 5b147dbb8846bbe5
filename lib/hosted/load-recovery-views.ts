import { profileLocaleOf } from "../mail/mail-recipient";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { findUserToken } from "../user-tokens/find-user-token";
import { maySetPassword } from "../user-tokens/set-proven-password";
import type { UserTokenKind, UserTokenRefusal } from "../user-tokens/user-token-kinds";
import { signinFormToken } from "./hosted-form-token";
import { readFormErrors, type RecoveryFormError } from "./recovery-form-errors";
import { recoveryPaths } from "./recovery-urls";
import { safeReturnTo } from "./return-to";
import { loadSignInFlow, type FlowContext } from "./sign-in-flow";

/** The page cannot show its form: go through /signin/begin first (no CSRF cookie yet), or a notice. */
export type RecoveryPageRefusal = { ok: false; reason: "start"; url: string } | { ok: false; reason: "expired" | "csrf" };

export type FlowNames = { request: string | null; hasRequest: boolean; returnTo: string | null };

/**
 * The flow an account page of the sign-in (forgot password, expired password, create account) is
 * in, and its form's CSRF token: the pending request's cookie, or the sign-in CSRF cookie, which
 * /signin/begin sets when missing (then back to `page(fields)`); an expired request says so.
 */
export async function accountPageFlow(
  app: FlowContext,
  input: FlowNames & { started: boolean; cookieHeader: string | null },
  page: (fields: Record<string, string>) => string,
): Promise<{ ok: true; fields: Record<string, string>; csrfToken: string } | RecoveryPageRefusal> {
  const found = await loadSignInFlow(app, input, input.cookieHeader);
  const fields = found.ok ? found.flow.fields : { return_to: safeReturnTo(input.returnTo, app.orgUrl) };
  if (!found.ok && found.reason === "expired") return found;
  const csrfToken = found.ok ? found.flow.formToken : null;
  if (!csrfToken) return input.started || input.hasRequest ? { ok: false, reason: "csrf" } : { ok: false, reason: "start", url: recoveryPaths.begin(page(fields)) };
  return { ok: true, fields, csrfToken };
}

export type ForgotPasswordView =
  | { ok: true; fields: Record<string, string>; csrfToken: string; sent: boolean; minutes: number; errors: RecoveryFormError[]; signinHref: string }
  | RecoveryPageRefusal;

/**
 * `/signin/forgot-password?request=<id>|return_to=<path>[&sent=1][&error=...]`: the flow the sign-in
 * page was in (its "Back to sign in" link and the CSRF binding of the form: the pending request's
 * cookie, or the sign-in CSRF cookie, which /signin/begin sets when missing), the link lifetime the
 * confirmation mentions.
 */
export async function loadForgotPasswordView(app: FlowContext, input: FlowNames & { started: boolean; sent: boolean; error: string | null; cookieHeader: string | null }): Promise<ForgotPasswordView> {
  const flow = await accountPageFlow(app, input, (fields) => recoveryPaths.forgot(fields));
  if (!flow.ok) return flow;
  const { fields, csrfToken } = flow;
  const minutes = (await readOrgSettings(app.db)).recoveryTokenLifetimeMinutes;
  return { ok: true, fields, csrfToken, sent: input.sent, minutes, errors: readFormErrors(input.error), signinHref: recoveryPaths.signin(fields) };
}

export type TokenPageView =
  | { ok: true; kind: UserTokenKind; token: string; login: string; profileLocale: string | null; csrfToken: string; returnTo: string; errors: RecoveryFormError[] }
  | { ok: false; reason: "link"; refusal: UserTokenRefusal; kind: UserTokenKind }
  | RecoveryPageRefusal;

/**
 * The reset link's page (`/signin/reset-password/{token}`, RECOVERY) and the welcome page
 * (`/signin/welcome/{token}[?fromURI=]`, ACTIVATION): the token as it stands (unknown, of the other
 * kind, used, expired, or its user's status no longer allows it: the link's notice; nothing is
 * used by showing the page), then the form bound to the browser's sign-in CSRF cookie.
 */
export async function loadTokenPageView(
  app: FlowContext,
  input: { kind: UserTokenKind; token: string; fromUri: string | null; started: boolean; error: string | null; cookieHeader: string | null },
): Promise<TokenPageView> {
  const { kind } = input;
  const found = await findUserToken(app.db, input.token, kind, app.now());
  if (!found.ok) return { ok: false, reason: "link", refusal: found.reason, kind };
  if (!maySetPassword(kind === "ACTIVATION" ? "activation" : "recovery", found.user.status)) return { ok: false, reason: "link", refusal: "invalid", kind };
  const csrfToken = signinFormToken(app.secretsKey, app.orgUrl, input.cookieHeader);
  const returnTo = safeReturnTo(input.fromUri, app.orgUrl);
  if (!csrfToken) {
    if (input.started) return { ok: false, reason: "csrf" };
    const extra: Record<string, string> = input.fromUri ? { fromURI: returnTo } : {};
    return { ok: false, reason: "start", url: recoveryPaths.begin(kind === "ACTIVATION" ? recoveryPaths.welcome(input.token, extra) : recoveryPaths.resetPassword(input.token, extra)) };
  }
  return { ok: true, kind, token: input.token, login: found.user.login, profileLocale: profileLocaleOf(found.user) ?? null, csrfToken, returnTo, errors: readFormErrors(input.error) };
}

export type ExpiredPasswordView = { ok: true; fields: Record<string, string>; csrfToken: string; username: string; errors: RecoveryFormError[]; signinHref: string } | RecoveryPageRefusal;

/**
 * `/signin/expired-password?request=<id>|return_to=<path>&username=<login>`: where the sign-in page
 * sends the right password of a PASSWORD_EXPIRED user. Nothing about the user is read here: the
 * form asks for the current password again (changeExpiredPassword checks it).
 */
export async function loadExpiredPasswordView(app: FlowContext, input: FlowNames & { username: string | null; started: boolean; error: string | null; cookieHeader: string | null }): Promise<ExpiredPasswordView> {
  const username = (input.username ?? "").slice(0, 1024);
  const flow = await accountPageFlow(app, input, (fields) => recoveryPaths.expiredPassword(fields, { username }));
  if (!flow.ok) return flow;
  const { fields, csrfToken } = flow;
  return { ok: true, fields, csrfToken, username, errors: readFormErrors(input.error), signinHref: recoveryPaths.signin(fields) };
}
