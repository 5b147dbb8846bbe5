import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { checkBlockedAddress } from "../network-zones/check-blocked-address";
import { combineAmr, includesFactor } from "../signin/combine-amr";
import { decideSignInStep } from "../signin/decide-sign-in-step";
import { deviceCookie, isDeviceRemembered, readDeviceCookie, rememberDevice } from "../signin/remember-device";
import { startSession } from "../signin/start-session";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";
import { factorStepUrl, type SignInFlow } from "./sign-in-flow";

/**
 * The hosted sign-in after each proof (the password, a factor code, a passkey, an enrollment), for
 * either kind of flow (an authorization request, or the admin console's return_to sign-in):
 * decideSignInStep (lib/signin: the sign-on and enrollment policies, the remembered device, the
 * session's last factor, step-up) says what is next:
 * - done: the session starts (startSession: rotation, amr so far, factorVerifiedAt when a factor
 *   was verified, the failed-attempt count reset), "remember this device" stores the device
 *   (idp_device cookie, the rule's factor lifetime), the flow records its fresh session and the
 *   browser goes on (the authorize resume step, or return_to);
 * - verify / enroll: the flow records the multi-factor step (`mfa`) and the browser goes to the
 *   factor page; no session exists yet;
 * - denied: back to the sign-in page with the refusal (also when the address is in a blocklist zone).
 */
export async function advanceSignIn(
  app: AppContext,
  request: PlainRequest,
  flow: SignInFlow,
  person: { userId: string; amr: string[] },
  options: { rememberDevice?: boolean; rememberLifetimeMinutes?: number | null } = {},
): Promise<HostedResponse> {
  const now = app.now();
  // Every way to a session passes here (password, factor, passkey, a recovery or activation link, a
  // changed expired password): an address in an ACTIVE blocklist zone gets none (cached: no query when warm).
  if (await checkBlockedAddress(app.db, { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), surface: "hosted sign-in", now })) {
    return seeOther(flow.signinUrl("denied"), await flow.saveMfa(undefined));
  }
  const cookieHeader = request.headers.get("cookie");
  const stepUp = await flow.needsStepUp(person.userId);
  const current = await readSession(app.db, readSessionCookie(cookieHeader), now);
  const factorVerifiedAt = current && current.userId === person.userId ? (current.factorVerifiedAt ?? null) : null;
  const rememberedDevice = await isDeviceRemembered(app.db, { userId: person.userId, cookieValue: readDeviceCookie(cookieHeader), now });
  const step = await decideSignInStep(app.db, { userId: person.userId, amr: person.amr, ipAddress: request.ipAddress, factorVerifiedAt, rememberedDevice, stepUp, now });

  if (step.kind === "denied") {
    const cookies = await flow.saveMfa(undefined);
    return seeOther(flow.signinUrl("denied"), cookies);
  }
  if (step.kind === "verify" || step.kind === "enroll") {
    const remember = step.kind === "verify" && step.factorLifetimeMinutes ? { rememberMinutes: step.factorLifetimeMinutes, rememberByDefault: step.rememberDeviceByDefault } : {};
    const cookies = await flow.saveMfa({ userId: person.userId, amr: person.amr, step: step.kind, ...(stepUp ? { stepUp: true } : {}), ...remember });
    return seeOther(factorStepUrl(app.orgUrl, flow.fields), cookies);
  }

  const verified = includesFactor(person.amr);
  const browser = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), cookieHeader };
  const session = await startSession(app.db, { person: { userId: person.userId, amr: combineAmr(person.amr), factorVerifiedAt: verified ? now : factorVerifiedAt }, browser, now, orgUrl: app.orgUrl });
  const cookies = [session.cookie];
  if (verified && options.rememberDevice && options.rememberLifetimeMinutes) {
    const value = await rememberDevice(app.db, { userId: person.userId, now, lifetimeMinutes: options.rememberLifetimeMinutes });
    cookies.push(deviceCookie(value, { orgUrl: app.orgUrl, maxAgeSeconds: options.rememberLifetimeMinutes * 60 }));
  }
  const next = await flow.finish(session.session.id);
  return seeOther(next.url, [...cookies, ...next.cookies]);
}
