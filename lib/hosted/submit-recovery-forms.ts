import type { AppContext } from "../app-context";
import { hostedErrorPages } from "../http/hosted-error-pages";
import type { PlainRequest } from "../http/plain-http";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { isSameOriginPost, readHostedForm } from "../http/read-hosted-form";
import { changeExpiredPassword } from "../user-tokens/change-expired-password";
import { requestPasswordRecovery } from "../user-tokens/request-password-recovery";
import { setPasswordWithToken } from "../user-tokens/set-password-with-token";
import type { UserTokenKind } from "../user-tokens/user-token-kinds";
import { advanceSignIn } from "./advance-sign-in";
import { formErrors, type PasswordRefusal } from "./recovery-form-errors";
import { recoveryPaths } from "./recovery-urls";
import { loadSignInFlow, returnToSignInFlow, type SignInFlow } from "./sign-in-flow";

/*
 * The form posts of the account pages (POST only, 303 always: a browser never re-posts a password).
 * Each checks, like the sign-in form: a form body without repeated fields, the same Origin, and the
 * `csrf` field bound to the browser's CSRF cookie and session (the flow's checkForm), else the CSRF
 * page and nothing happens. The token of a link travels in the body, never in a path a log could show.
 */

export const clientOf = (request: PlainRequest) => ({ ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") });

/** The flow a form names ({request} or {return_to}) when the post is this browser's; else the page to answer. */
export async function postedFlow(app: AppContext, request: PlainRequest, form: Map<string, string>): Promise<{ ok: true; flow: SignInFlow } | { ok: false; page: HostedResponse }> {
  const found = await loadSignInFlow(app, { request: form.get("request"), returnTo: form.get("return_to"), hasRequest: form.has("request") }, request.headers.get("cookie"));
  if (!found.ok) return { ok: false, page: found.reason === "expired" ? hostedErrorPages.expired() : hostedErrorPages.csrf() };
  if (!isSameOriginPost(request, app.orgUrl) || !found.flow.checkForm(form.get("csrf"))) return { ok: false, page: hostedErrorPages.csrf() };
  return { ok: true, flow: found.flow };
}

/**
 * POST /signin/forgot-password/submit (request|return_to, csrf, username): requestPasswordRecovery
 * (the email with its link when the username or email names a user who may recover; the same
 * answer, and the same work, when not), then the "check your email" page. An empty username, or too
 * many requests (per username and per address, alike for unknown users): back to the form.
 */
export async function submitForgotPassword(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const form = readHostedForm(request);
  if (!form) return hostedErrorPages.csrf();
  const posted = await postedFlow(app, request, form);
  if (!posted.ok) return posted.page;
  const { fields } = posted.flow;
  const username = (form.get("username") ?? "").trim();
  if (!username) return seeOther(`${app.orgUrl}${recoveryPaths.forgot(fields, { error: "username_missing" })}`);
  const result = await requestPasswordRecovery(app.db, { username, orgUrl: app.orgUrl, now: app.now(), client: clientOf(request), acceptLanguage: request.headers.get("accept-language") });
  if (result.outcome === "rate_limited") return seeOther(`${app.orgUrl}${recoveryPaths.forgot(fields, { error: "rate_limited" })}`);
  return seeOther(`${app.orgUrl}${recoveryPaths.forgot(fields, { sent: "1" })}`);
}

/** Both password fields filled and equal, else the refusal. */
export function checkPair(password: string, confirm: string): PasswordRefusal | null {
  if (!password || !confirm) return { reason: "missing" };
  return password === confirm ? null : { reason: "mismatch" };
}

/**
 * A one-time link's form (token, csrf, return_to, ...): a form body, posted same-origin, its `csrf`
 * bound to this browser's sign-in CSRF cookie (the return_to flow), else the CSRF page; the token
 * (bounded) and where the sign-in goes afterwards.
 */
export function postedLinkForm(
  app: AppContext,
  request: PlainRequest,
): { ok: true; form: Map<string, string>; flow: SignInFlow; token: string; returnTo: string } | { ok: false; page: HostedResponse } {
  const form = readHostedForm(request);
  const flow = form && returnToSignInFlow(app, form.get("return_to"), request.headers.get("cookie"));
  if (!form || !flow || !isSameOriginPost(request, app.orgUrl) || !flow.checkForm(form.get("csrf"))) return { ok: false, page: hostedErrorPages.csrf() };
  return { ok: true, form, flow, token: (form.get("token") ?? "").slice(0, 512), returnTo: flow.fields.return_to ?? "/" };
}

/**
 * The reset link's and the welcome page's form (token, csrf, return_to, password, confirm): the two
 * passwords equal, then setPasswordWithToken (the token once, the policy, the user ACTIVE; a reset also ends
 * the other sessions and revokes refresh tokens, org setting, and queues "password changed"). Then
 * the person is signed in like after a password (advanceSignIn: an MFA enrollment or verification
 * the policy asks for comes first) and goes to return_to (the welcome link's fromURI, else "/").
 * A refused password: back to the form with the reasons; a used, expired or foreign token: the
 * link's page, which says which, and nothing changed.
 */
async function submitTokenPassword(app: AppContext, request: PlainRequest, kind: UserTokenKind): Promise<HostedResponse> {
  const posted = postedLinkForm(app, request);
  if (!posted.ok) return posted.page;
  const { form, flow, token, returnTo } = posted;
  const page = (extra: Record<string, string> = {}) => {
    const query = { ...(returnTo !== "/" ? { fromURI: returnTo } : {}), ...extra };
    return `${app.orgUrl}${kind === "ACTIVATION" ? recoveryPaths.welcome(token || "invalid", query) : recoveryPaths.resetPassword(token || "invalid", query)}`;
  };
  const password = form.get("password") ?? "";
  const refused = checkPair(password, form.get("confirm") ?? "");
  if (refused) return seeOther(page({ error: formErrors(refused) }));
  const result = await setPasswordWithToken(app.db, { token, kind, password, now: app.now(), client: clientOf(request), acceptLanguage: request.headers.get("accept-language"), orgUrl: app.orgUrl });
  if (result.ok) return advanceSignIn(app, request, { ...flow, mfa: undefined }, { userId: result.user.id, amr: ["pwd"] });
  if (result.reason === "policy" || result.reason === "unchanged" || result.reason === "rate_limited") return seeOther(page({ error: formErrors(result) }));
  return seeOther(page());
}

/** POST /signin/reset-password/submit: the reset link's form (RECOVERY). */
export const submitResetPassword = (app: AppContext, request: PlainRequest) => submitTokenPassword(app, request, "RECOVERY");
/** POST /signin/welcome/submit: the welcome page's form (ACTIVATION). */
export const submitWelcome = (app: AppContext, request: PlainRequest) => submitTokenPassword(app, request, "ACTIVATION");

/**
 * POST /signin/expired-password/submit (request|return_to, csrf, username, current_password,
 * password, confirm): changeExpiredPassword (the current password checked again, rate-limited; the
 * policy; not the same) and then the sign-in goes on where it was (advanceSignIn: the factor step
 * or the session, then the authorization or return_to). Every refusal comes back to the form.
 */
export async function submitExpiredPassword(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const form = readHostedForm(request);
  if (!form) return hostedErrorPages.csrf();
  const posted = await postedFlow(app, request, form);
  if (!posted.ok) return posted.page;
  const { flow } = posted;
  const username = (form.get("username") ?? "").trim().slice(0, 1024);
  const back = (refusal: PasswordRefusal) => seeOther(`${app.orgUrl}${recoveryPaths.expiredPassword(flow.fields, { username, error: formErrors(refusal) })}`);
  const oldPassword = form.get("current_password") ?? "";
  const password = form.get("password") ?? "";
  const refused = oldPassword ? checkPair(password, form.get("confirm") ?? "") : { reason: "wrong" as const };
  if (refused) return back(refused);
  const result = await changeExpiredPassword(app.db, { user: { login: username }, oldPassword, newPassword: password, now: app.now(), client: clientOf(request), acceptLanguage: request.headers.get("accept-language"), orgUrl: app.orgUrl, via: "hosted_page" });
  if (result.ok) return advanceSignIn(app, request, flow, { userId: result.user.id, amr: ["pwd"] });
  if (result.reason === "wrong_password") return back({ reason: "wrong" });
  if (result.reason === "policy" || result.reason === "unchanged" || result.reason === "rate_limited") return back(result);
  return seeOther(flow.signinUrl("invalid"));
}
