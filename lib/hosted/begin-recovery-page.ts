import type { AppContext } from "../app-context";
import { hostedErrorPages } from "../http/hosted-error-pages";
import type { PlainRequest } from "../http/plain-http";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { recoveryPaths, safeRecoveryNext } from "./recovery-urls";
import { mintSigninCsrfToken, readSigninCsrfToken, signinCsrfCookie } from "./signin-csrf";

/** The browser's sign-in CSRF cookie (kept when it holds a valid one), and 303 to `next` with `started=1`. */
function begin(app: AppContext, request: PlainRequest, next: string): HostedResponse {
  const existing = readSigninCsrfToken(request.headers.get("cookie"), app.secretsKey, app.orgUrl);
  const cookies = existing ? [] : [signinCsrfCookie(mintSigninCsrfToken(app.secretsKey), app.orgUrl)];
  return seeOther(`${app.orgUrl}${next}${next.includes("?") ? "&" : "?"}started=1`, cookies);
}

/**
 * GET /signin/begin?next=<account page>: the account pages (forgot password, reset link, welcome,
 * expired password) are server components and cannot set cookies; without the sign-in CSRF cookie
 * their forms are bound to, they send the browser here first (as /signin/start does for the sign-in
 * page). `next` must be one of those pages on this origin (safeRecoveryNext), else the CSRF page.
 */
export async function beginRecoveryPage(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const next = safeRecoveryNext(request.url.searchParams.get("next"));
  return next ? begin(app, request, next) : hostedErrorPages.csrf();
}

/**
 * GET /welcome/{activationToken}[?fromURI=...], Okta's activation link (the email, the admin's
 * activationUrl): on to the welcome page under /signin (where the sign-in cookies live), with the
 * CSRF cookie. The token is not checked here: the page says what it is.
 */
export async function openWelcomeLink(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const token = request.params.token ?? "";
  const fromUri = request.url.searchParams.get("fromURI");
  const next = safeRecoveryNext(recoveryPaths.welcome(token, fromUri ? { fromURI: fromUri } : {}));
  return next ? begin(app, request, next) : begin(app, request, recoveryPaths.welcome("invalid"));
}
