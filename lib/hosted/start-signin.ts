import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { hostedUrls } from "../http/hosted-urls";
import { safeReturnTo } from "./return-to";
import { mintSigninCsrfToken, readSigninCsrfToken, signinCsrfCookie } from "./signin-csrf";

/**
 * GET /signin/start?return_to=<path>: gives the browser the sign-in CSRF cookie (kept when it
 * already holds a valid one) and 303s back to `/signin?return_to=<safe path>&started=1`. The page
 * itself is a server component and cannot set cookies.
 */
export async function startSignin(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const returnTo = safeReturnTo(request.url.searchParams.get("return_to"), app.orgUrl);
  const existing = readSigninCsrfToken(request.headers.get("cookie"), app.secretsKey, app.orgUrl);
  const cookies = existing ? [] : [signinCsrfCookie(mintSigninCsrfToken(app.secretsKey), app.orgUrl)];
  return seeOther(hostedUrls.signinReturnTo(app.orgUrl, returnTo, { started: true }), cookies);
}
