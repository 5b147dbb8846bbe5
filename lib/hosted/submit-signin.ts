import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { loadPendingAuthorization } from "../pending-authorizations/load-pending-authorization";
import { savePendingState } from "../pending-authorizations/save-pending-state";
import { authenticatePerson, type AuthenticationRefused } from "../signin/authenticate-person";
import { checkPendingForm } from "./hosted-form-token";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { hostedUrls } from "../http/hosted-urls";
import { isSameOriginPost, readHostedForm } from "../http/read-hosted-form";
import { advanceSignIn } from "./advance-sign-in";
import { recoveryPaths } from "./recovery-urls";
import { pendingSignInFlow, returnToSignInFlow } from "./sign-in-flow";
import { refusalPage } from "./refusal-page";
import { submitPasskeySignin } from "./submit-passkey-signin";
import type { SigninError } from "./signin-messages";

const FAILURES: Record<AuthenticationRefused["reason"], SigninError> = {
  INVALID_CREDENTIALS: "invalid",
  LOCKED_OUT: "locked",
  RATE_LIMITED: "rate_limited",
  BLOCKED: "denied",
};

/**
 * POST /signin/submit (the hosted sign-in form: request, csrf, username, password). Always 303,
 * never 307, so the browser does not post the password again:
 * - the pending request must exist (else the expired page) and the post must come from the browser
 *   that started it: same Origin, the request's cookie whose SHA-256 is the stored csrfHash, and
 *   the `csrf` field that cookie's binding to this request and this browser's session
 *   (checkPendingForm, constant-time) -> else 403;
 * - authenticatePerson (lib/signin: the password step, i.e. checkCredentials: argon2, lockout,
 *   per-IP and per-username rate limits; STAGED, SUSPENDED and DEPROVISIONED users cannot sign
 *   in). The right password of a PASSWORD_EXPIRED user goes to the expired-password step
 *   (/signin/expired-password: the new password, then the same advanceSignIn). A failure goes back to the page with `error=invalid`
 *   (never saying whether the user exists), `locked` or `rate_limited`; the username is kept in
 *   the pending request to fill the field again;
 * - success: advanceSignIn: the factor page when the policy or the app (acr_values) asks for a
 *   second factor or an enrollment; else a new session replaces any previous one (rotation) and is
 *   recorded as this request's fresh sign-in (prompt=login, max_age), Set-Cookie, and 303 to the
 *   authorize resume step.
 * With `action=passkey` (response, challengeId) the form is the passwordless "Sign in with a
 * passkey" instead (submitPasskeySignin), then the same advanceSignIn.
 */
export async function submitSignin(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const form = readHostedForm(request);
  if (!form) return refusalPage(app, request, "csrf");
  if (!form.has("request")) return submitReturnToSignin(app, request, form, now);
  const pending = await loadPendingAuthorization(app.db, form.get("request"), now);
  if (!pending) return refusalPage(app, request, "expired");
  const cookieHeader = request.headers.get("cookie");
  if (!isSameOriginPost(request, app.orgUrl) || !checkPendingForm(app.secretsKey, pending, cookieHeader, form.get("csrf"))) return refusalPage(app, request, "csrf", pending.state.params.uiLocales);
  if (form.get("action") === "passkey") return submitPasskeySignin(app, request, pendingSignInFlow(app, { ...pending, state: { ...pending.state, mfa: undefined } }, cookieHeader), form);

  const username = (form.get("username") ?? "").trim();
  const password = form.get("password") ?? "";
  const back = async (error: SigninError) => {
    await savePendingState(app.db, pending, { attemptedUsername: username.slice(0, 256) });
    return seeOther(hostedUrls.signin(app.orgUrl, pending.id, error));
  };
  if (!username || !password) return back("missing");

  const result = await authenticatePerson(app.db, { proof: { kind: "password", username, password }, ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), clientId: pending.clientId, now });
  if (!result.ok && "passwordExpired" in result && result.passwordExpired) return seeOther(`${app.orgUrl}${recoveryPaths.expiredPassword({ request: pending.id }, { username })}`);
  if (!result.ok) return back(FAILURES[result.reason]);
  return advanceSignIn(app, request, pendingSignInFlow(app, { ...pending, state: { ...pending.state, mfa: undefined } }, cookieHeader), { userId: result.user.id, amr: result.amr });
}

/**
 * The form of `/signin?return_to=<path>` (no authorization request: return_to, csrf, username,
 * password), e.g. the admin console's sign-in. The same checks as above with the sign-in CSRF
 * cookie instead of a pending request's (same Origin, the cookie minted by this server, the field
 * its binding to the session: checkSigninForm), the same authenticatePerson (rate limits, lockout)
 * and the same factor step (advanceSignIn: the sign-on policy may ask for a factor, kept in the
 * browser's signed signin_mfa cookie until then), and, once signed in, a rotated session and 303 to
 * the sanitised return_to on this origin (safeReturnTo: /admin paths only, else "/").
 */
async function submitReturnToSignin(app: AppContext, request: PlainRequest, form: Map<string, string>, now: Date): Promise<HostedResponse> {
  const cookieHeader = request.headers.get("cookie");
  const flow = returnToSignInFlow(app, form.get("return_to"), cookieHeader);
  if (!flow || !isSameOriginPost(request, app.orgUrl) || !flow.checkForm(form.get("csrf"))) return refusalPage(app, request, "csrf");
  if (form.get("action") === "passkey") return submitPasskeySignin(app, request, flow, form);
  const username = (form.get("username") ?? "").trim();
  const password = form.get("password") ?? "";
  const back = (error: SigninError) => seeOther(flow.signinUrl(error));
  if (!username || !password) return back("missing");

  const result = await authenticatePerson(app.db, { proof: { kind: "password", username, password }, ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), now });
  if (!result.ok && "passwordExpired" in result && result.passwordExpired) return seeOther(`${app.orgUrl}${recoveryPaths.expiredPassword(flow.fields, { username })}`);
  if (!result.ok) return back(FAILURES[result.reason]);
  return advanceSignIn(app, request, { ...flow, mfa: undefined }, { userId: result.user.id, amr: result.amr });
}
