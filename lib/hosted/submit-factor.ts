import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import type { AppContext } from "../app-context";
import { activateFactor } from "../factors/activate-factor";
import { consumeFactorAttempt } from "../factors/consume-factor-attempt";
import { enrollFactor } from "../factors/enroll-factor";
import { relyingPartyFor } from "../factors/relying-party";
import { findSupportedFactor, TOTP_FACTOR } from "../factors/supported-factors";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { isSameOriginPost, readHostedForm } from "../http/read-hosted-form";
import type { PendingMfa } from "../pending-authorizations/pending-state";
import { authenticatePerson, type AuthenticationRefused } from "../signin/authenticate-person";
import { combineAmr } from "../signin/combine-amr";
import { recordFactorEvent } from "../signin/record-factor-event";
import { findUser } from "../users/find-user";
import { advanceSignIn } from "./advance-sign-in";
import { refusalPage } from "./refusal-page";
import { factorStepUrl, loadSignInFlow, type SignInFlow } from "./sign-in-flow";
import type { SigninError } from "./signin-messages";

const FAILURES: Record<AuthenticationRefused["reason"], SigninError> = {
  INVALID_CREDENTIALS: "code",
  LOCKED_OUT: "locked",
  RATE_LIMITED: "rate_limited",
  BLOCKED: "denied",
};

/** A one-time code as typed: spaces and dashes some apps show are dropped; 6 digits or nothing. */
function readPassCode(value: string | undefined): string | null {
  const code = (value ?? "").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * POST /signin/factor/submit: the factor step of a sign-in in progress (request or return_to, csrf,
 * action, ...), always 303. The same checks as the sign-in form (the request, or the return_to
 * sign-in's CSRF cookie; same Origin, the CSRF field), and the flow must be at its factor step
 * (`mfa`, set after the password or by a step-up). Actions:
 * - `verify` (factorId, passCode, remember): a TOTP code (RFC 6238, authenticatePerson's totp proof:
 *   single use, failures count toward the lockout);
 * - `webauthn` (response, challengeId): a passkey assertion (authenticatePerson's webauthn proof);
 * - `enroll` (factorType, provider): starts a TOTP enrollment (the page then shows its QR code and
 *   secret);
 * - `activate` (passCode | attestation, clientData, factorId): the new factor's first code or its
 *   registration; the factor becomes ACTIVE and counts as verified in this sign-in.
 * Success continues with advanceSignIn (the session, or the next step); a failure comes back to the
 * factor page with the error (never saying more than "that code did not work").
 */
export async function submitFactor(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const form = readHostedForm(request);
  if (!form) return refusalPage(app, request, "csrf");
  const found = await loadSignInFlow(app, { request: form.get("request"), returnTo: form.get("return_to"), hasRequest: form.has("request") }, request.headers.get("cookie"));
  if (!found.ok) return refusalPage(app, request, found.reason);
  const { flow } = found;
  if (!isSameOriginPost(request, app.orgUrl) || !flow.checkForm(form.get("csrf"))) return refusalPage(app, request, "csrf", flow.uiLocales);
  const mfa = flow.mfa;
  if (!mfa) return refusalPage(app, request, "expired", flow.uiLocales);

  const back = (error: SigninError, factor?: string) => seeOther(factorStepUrl(app.orgUrl, flow.fields, { error, ...(factor ? { factor } : {}) }));
  const source = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), clientId: flow.clientId, now, factorKeys: { secretsKey: app.secretsKey, orgUrl: app.orgUrl } };
  const remember = { rememberDevice: form.get("remember") === "on", rememberLifetimeMinutes: mfa.rememberMinutes ?? null };

  switch (form.get("action")) {
    case "verify": {
      const factorId = form.get("factorId") ?? "";
      const passCode = readPassCode(form.get("passCode"));
      if (!passCode) return back("code_missing", factorId);
      const result = await authenticatePerson(app.db, { ...source, proof: { kind: "totp", userId: mfa.userId, factorId, passCode } });
      if (!result.ok) return back(FAILURES[result.reason], factorId);
      return advanceSignIn(app, request, flow, { userId: mfa.userId, amr: combineAmr(mfa.amr, result.amr) }, remember);
    }
    case "webauthn": {
      const response = readAssertion(form.get("response"));
      const challengeId = form.get("challengeId") ?? "";
      if (!response || !challengeId) return back("passkey");
      const result = await authenticatePerson(app.db, { ...source, proof: { kind: "webauthn", userId: mfa.userId, response, challengeId } });
      if (!result.ok) return back(result.reason === "INVALID_CREDENTIALS" ? "passkey" : FAILURES[result.reason]);
      return advanceSignIn(app, request, flow, { userId: mfa.userId, amr: combineAmr(mfa.amr, result.amr) }, remember);
    }
    case "enroll":
      return startTotpEnrollment(app, flow, mfa, form.get("provider") ?? "", clientOf(request));
    case "activate":
      return activateEnrollment(app, request, flow, mfa, form);
    default:
      return refusalPage(app, request, "csrf", flow.uiLocales);
  }
}

/** Starts (or restarts) a TOTP enrollment at the factor step: a PENDING_ACTIVATION factor, remembered in the request. */
async function startTotpEnrollment(app: AppContext, flow: SignInFlow, mfa: PendingMfa, provider: string, client: { ipAddress: string | null; userAgent: string | null }): Promise<HostedResponse> {
  const factor = findSupportedFactor(TOTP_FACTOR, provider);
  if (!factor || mfa.step !== "enroll") return seeOther(factorStepUrl(app.orgUrl, flow.fields));
  const user = await findUser(app.db, mfa.userId);
  const now = app.now();
  const result = await enrollFactor(
    app.db,
    { user: { id: user.id, login: user.login, displayName: user.login }, factor, activate: false, now, secretsKey: app.secretsKey, rp: relyingPartyFor(app.orgUrl) },
    (tx, written) => recordFactorEvent(tx, { kind: "enroll", user, factor: written, client, now }),
  );
  if (result.outcome !== "enrolled") return seeOther(factorStepUrl(app.orgUrl, flow.fields));
  const cookies = await flow.saveMfa({ ...mfa, enrollingFactorId: result.factor.id });
  return seeOther(factorStepUrl(app.orgUrl, flow.fields), cookies);
}

/** The enrolled factor's first proof: its code (TOTP) or its registration (a passkey); the factor becomes ACTIVE and verified. */
async function activateEnrollment(app: AppContext, request: PlainRequest, flow: SignInFlow, mfa: PendingMfa, form: Map<string, string>): Promise<HostedResponse> {
  const now = app.now();
  const factorId = mfa.enrollingFactorId ?? form.get("factorId") ?? "";
  const back = (error: SigninError) => seeOther(factorStepUrl(app.orgUrl, flow.fields, { error }));
  const passCode = form.has("passCode") ? readPassCode(form.get("passCode")) : undefined;
  if (passCode === null) return back("code_missing");
  const proof = passCode !== undefined ? { passCode } : { attestation: form.get("attestation") ?? "", clientData: form.get("clientData") ?? "" };
  if ((await consumeFactorAttempt(app.db, mfa.userId, now)).allowed === false) return back("rate_limited");
  const user = await findUser(app.db, mfa.userId);
  const result = await activateFactor(app.db, { userId: mfa.userId, factorId, proof, now, secretsKey: app.secretsKey, rp: relyingPartyFor(app.orgUrl), orgUrl: app.orgUrl }, (tx, factor) =>
    recordFactorEvent(tx, { kind: "activate", user, factor, client: clientOf(request), now }),
  );
  if (result.outcome !== "activated") return back(passCode !== undefined ? "code" : "passkey");
  // RFC 8176 2: a TOTP code is "otp"; a passkey registered with user verification is a key held ("hwk") and the user's presence ("user").
  const factorAmr = result.factor.factorType === TOTP_FACTOR ? ["otp"] : ["hwk", "user"];
  return advanceSignIn(app, request, { ...flow, mfa: { ...mfa, enrollingFactorId: undefined } }, { userId: mfa.userId, amr: combineAmr(mfa.amr, factorAmr) });
}

/** The browser a factor page post comes from (the System Log's client). */
function clientOf(request: PlainRequest) {
  return { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") };
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]*={0,2}$/).max(8_000);
/** @simplewebauthn/browser's AuthenticationResponseJSON, as posted in the form's `response` field (W3C WebAuthn 5.1, toJSON). */
const assertionSchema = z.object({
  id: base64url.min(1),
  rawId: base64url.min(1),
  type: z.literal("public-key"),
  response: z.object({ clientDataJSON: base64url, authenticatorData: base64url, signature: base64url, userHandle: base64url.optional() }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
});

/** The posted assertion, or null when it is not JSON of that shape (never a 500). */
export function readAssertion(value: string | undefined): AuthenticationResponseJSON | null {
  if (!value || value.length > 16_000) return null;
  try {
    const parsed = assertionSchema.safeParse(JSON.parse(value));
    return parsed.success ? (parsed.data as AuthenticationResponseJSON) : null;
  } catch {
    return null;
  }
}
