import type { AppContext } from "../app-context";
import { enrollFactor } from "../factors/enroll-factor";
import { issueSignInChallenge } from "../factors/issue-sign-in-challenge";
import { relyingPartyFor } from "../factors/relying-party";
import { findSupportedFactor, WEBAUTHN_FACTOR } from "../factors/supported-factors";
import type { HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { isSameOriginPost, readHostedForm } from "../http/read-hosted-form";
import { recordFactorEvent } from "../signin/record-factor-event";
import { findUser } from "../users/find-user";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { consumePasswordlessAttempt } from "../signin/consume-passwordless-attempt";
import { loadSignInFlow } from "./sign-in-flow";

const json = (status: number, body: unknown): HostedResponse => ({ status, headers: { "Cache-Control": "no-store" }, body });

/**
 * POST /signin/passkey/options (request or return_to, csrf, purpose): the WebAuthn options the
 * page's script hands to @simplewebauthn/browser, as JSON (no-store). Same checks as the hosted
 * forms (the flow, same Origin, its CSRF cookie and field); 403 {error} otherwise.
 * - `authenticate`: at the factor step, a sign-in challenge for the user's passkeys
 *   (issueSignInChallenge) -> {options, challengeId};
 * - `passwordless`: on the sign-in page, when the org setting passwordlessPasskeys is on, a
 *   challenge any registered passkey may answer (issueSignInChallenge without a user: a
 *   discoverable credential) -> {options, challengeId}; counted per IP (consumePasswordlessAttempt:
 *   429 {error: "rate_limited"} beyond it); 404 {error: "disabled"} when the setting is off;
 * - `register`: at the enrollment step, a new PENDING_ACTIVATION WebAuthn factor with its
 *   registration challenge (enrollFactor; the request remembers the factor) -> {options}.
 */
export async function passkeyOptions(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const form = readHostedForm(request);
  if (!form) return json(403, { error: "csrf" });
  const found = await loadSignInFlow(app, { request: form.get("request"), returnTo: form.get("return_to"), hasRequest: form.has("request") }, request.headers.get("cookie"));
  if (!found.ok) return found.reason === "expired" ? json(400, { error: "expired" }) : json(403, { error: "csrf" });
  const { flow } = found;
  if (!isSameOriginPost(request, app.orgUrl) || !flow.checkForm(form.get("csrf"))) return json(403, { error: "csrf" });
  const rp = relyingPartyFor(app.orgUrl);
  const mfa = flow.mfa;

  switch (form.get("purpose")) {
    case "authenticate": {
      if (!mfa || mfa.step !== "verify") return json(400, { error: "expired" });
      return json(200, await issueSignInChallenge(app.db, { userId: mfa.userId, now, rp }));
    }
    case "passwordless": {
      if (!(await readOrgSettings(app.db)).passwordlessPasskeys) return json(404, { error: "disabled" });
      if (!(await consumePasswordlessAttempt(app.db, request.ipAddress, now)).allowed) return json(429, { error: "rate_limited" });
      return json(200, await issueSignInChallenge(app.db, { userId: null, now, rp }));
    }
    case "register": {
      const factor = findSupportedFactor(WEBAUTHN_FACTOR, "FIDO");
      if (!mfa || mfa.step !== "enroll" || !factor) return json(400, { error: "expired" });
      const user = await findUser(app.db, mfa.userId);
      const client = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") };
      const result = await enrollFactor(app.db, { user: { id: user.id, login: user.login, displayName: user.login }, factor, activate: false, now, secretsKey: app.secretsKey, rp }, (tx, written) =>
        recordFactorEvent(tx, { kind: "enroll", user, factor: written, client, now }),
      );
      if (result.outcome !== "enrolled" || result.activation.kind !== "webauthn") return json(400, { error: "expired" });
      const cookies = await flow.saveMfa({ ...mfa, enrollingFactorId: result.factor.id });
      return { ...json(200, { options: result.activation.options }), ...(cookies.length ? { cookies } : {}) };
    }
    default:
      return json(400, { error: "purpose" });
  }
}
