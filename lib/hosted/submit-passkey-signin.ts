import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { authenticatePerson } from "../signin/authenticate-person";
import { consumePasswordlessAttempt } from "../signin/consume-passwordless-attempt";
import { advanceSignIn } from "./advance-sign-in";
import type { SignInFlow } from "./sign-in-flow";
import { readAssertion } from "./submit-factor";

/**
 * The sign-in form's "Sign in with a passkey" (issue 16 item 4: passwordless; `action=passkey`,
 * response, challengeId), after the flow's checks (same Origin, CSRF): only when the org setting
 * `passwordlessPasskeys` is on; counted per IP (consumePasswordlessAttempt); then
 * authenticatePerson's webauthn proof without a user (a discoverable credential names its user;
 * the challenge issued for anyone, once; user verification required; a failure counts toward that
 * user's lockout). The passkey alone is the sign-in: amr ["hwk"|"swk", "user"] (RFC 8176), and, a
 * user-verifying passkey being something held and something the user is or knows, it satisfies the
 * sign-on policy's factor requirement (advanceSignIn sees a factor in the amr); enrollment the
 * policy requires still follows. Failures go back to the sign-in page (`passkey`, `locked`,
 * `rate_limited`).
 */
export async function submitPasskeySignin(app: AppContext, request: PlainRequest, flow: SignInFlow, form: Map<string, string>): Promise<HostedResponse> {
  const now = app.now();
  const back = (error: Parameters<SignInFlow["signinUrl"]>[0]) => seeOther(flow.signinUrl(error));
  if (!(await readOrgSettings(app.db)).passwordlessPasskeys) return back("passkey");
  if (!(await consumePasswordlessAttempt(app.db, request.ipAddress, now)).allowed) return back("rate_limited");
  const response = readAssertion(form.get("response"));
  const challengeId = form.get("challengeId") ?? "";
  if (!response || !challengeId) return back("passkey");
  const result = await authenticatePerson(app.db, {
    proof: { kind: "webauthn", userId: null, response, challengeId },
    ipAddress: request.ipAddress,
    userAgent: request.headers.get("user-agent"),
    clientId: flow.clientId,
    now,
    factorKeys: { secretsKey: app.secretsKey, orgUrl: app.orgUrl },
  });
  if (!result.ok) return back(result.reason === "INVALID_CREDENTIALS" ? "passkey" : result.reason === "LOCKED_OUT" ? "locked" : result.reason === "BLOCKED" ? "denied" : "rate_limited");
  return advanceSignIn(app, request, { ...flow, mfa: undefined }, { userId: result.user.id, amr: result.amr });
}
