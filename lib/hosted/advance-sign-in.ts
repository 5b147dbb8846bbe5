import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { hostedUrls } from "../http/hosted-urls";
import { listFactors } from "../factors/list-factors";
import type { PendingAuthorization } from "../pending-authorizations/load-pending-authorization";
import { savePendingState } from "../pending-authorizations/save-pending-state";
import { combineAmr, includesFactor } from "../signin/combine-amr";
import { decideSignInStep } from "../signin/decide-sign-in-step";
import { deviceCookie, isDeviceRemembered, readDeviceCookie, rememberDevice } from "../signin/remember-device";
import { startSession } from "../signin/start-session";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";

/** Where the factor step of a pending request lives. */
export const factorStepUrl = (orgUrl: string, requestId: string, extra: { error?: string; factor?: string } = {}) =>
  `${orgUrl}/signin/factor?request=${encodeURIComponent(requestId)}${extra.factor ? `&factor=${encodeURIComponent(extra.factor)}` : ""}${extra.error ? `&error=${encodeURIComponent(extra.error)}` : ""}`;

/**
 * Whether this sign-in must verify a second factor whatever the policy (decideSignInStep's
 * `stepUp`): a step-up of an existing session (the pending `mfa.stepUp`), or acr_values asking
 * for two factors (`secondFactor`: "required", or "if-enrolled" and the user has an ACTIVE factor).
 */
export async function needsStepUp(app: AppContext, pending: PendingAuthorization, userId: string): Promise<boolean> {
  if (pending.state.mfa?.stepUp) return true;
  const wanted = pending.state.secondFactor;
  if (wanted === "required") return true;
  if (wanted !== "if-enrolled") return false;
  return (await listFactors(app.db, userId)).some((factor) => factor.status === "ACTIVE");
}

/**
 * The hosted sign-in after each proof (the password, a factor code, a passkey, an enrollment):
 * decideSignInStep (lib/signin: the sign-on and enrollment policies, the remembered device, the
 * session's last factor, step-up) says what is next:
 * - done: the session starts (startSession: rotation, amr so far, factorVerifiedAt when a factor
 *   was verified), "remember this device" stores the device (idp_device cookie, the rule's factor
 *   lifetime), the request records its fresh session and the browser resumes the authorization;
 * - verify / enroll: the request records the multi-factor step (`mfa`) and the browser goes to
 *   the factor page;
 * - denied: back to the sign-in page with the refusal.
 */
export async function advanceSignIn(
  app: AppContext,
  request: PlainRequest,
  pending: PendingAuthorization,
  person: { userId: string; amr: string[] },
  options: { rememberDevice?: boolean; rememberLifetimeMinutes?: number | null } = {},
): Promise<HostedResponse> {
  const now = app.now();
  const cookieHeader = request.headers.get("cookie");
  const stepUp = await needsStepUp(app, pending, person.userId);
  const current = await readSession(app.db, readSessionCookie(cookieHeader), now);
  const factorVerifiedAt = current && current.userId === person.userId ? (current.factorVerifiedAt ?? null) : null;
  const rememberedDevice = await isDeviceRemembered(app.db, { userId: person.userId, cookieValue: readDeviceCookie(cookieHeader), now });
  const step = await decideSignInStep(app.db, { userId: person.userId, amr: person.amr, ipAddress: request.ipAddress, factorVerifiedAt, rememberedDevice, stepUp, now });

  if (step.kind === "denied") {
    await savePendingState(app.db, pending, { mfa: undefined });
    return seeOther(hostedUrls.signin(app.orgUrl, pending.id, "denied"));
  }
  if (step.kind === "verify" || step.kind === "enroll") {
    const remember = step.kind === "verify" && step.factorLifetimeMinutes ? { rememberMinutes: step.factorLifetimeMinutes, rememberByDefault: step.rememberDeviceByDefault } : {};
    await savePendingState(app.db, pending, { mfa: { userId: person.userId, amr: person.amr, step: step.kind, ...(stepUp ? { stepUp: true } : {}), ...remember }, attemptedUsername: undefined });
    return seeOther(factorStepUrl(app.orgUrl, pending.id));
  }

  const verified = includesFactor(person.amr);
  const browser = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), cookieHeader };
  const session = await startSession(app.db, { person: { userId: person.userId, amr: combineAmr(person.amr), factorVerifiedAt: verified ? now : factorVerifiedAt }, browser, now, orgUrl: app.orgUrl });
  const cookies = [session.cookie];
  if (verified && options.rememberDevice && options.rememberLifetimeMinutes) {
    const value = await rememberDevice(app.db, { userId: person.userId, now, lifetimeMinutes: options.rememberLifetimeMinutes });
    cookies.push(deviceCookie(value, { orgUrl: app.orgUrl, maxAgeSeconds: options.rememberLifetimeMinutes * 60 }));
  }
  await savePendingState(app.db, pending, { signedInSessionId: session.session.id, attemptedUsername: undefined, mfa: undefined });
  return seeOther(hostedUrls.resume(app.orgUrl, pending.authServerId, pending.id), cookies);
}
