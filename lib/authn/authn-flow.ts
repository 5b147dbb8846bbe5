import type { AppContext } from "../app-context";
import type { UserFactor } from "../db/generated/sqlite/client";
import { findFactor } from "../factors/find-factor";
import { readTotpSecret } from "../factors/read-totp-secret";
import { relyingPartyFor } from "../factors/relying-party";
import { TOTP_FACTOR } from "../factors/supported-factors";
import { verifyFactor } from "../factors/verify-factor";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { AdminApiError, forbiddenError, rateLimitError } from "../okta-api/admin-api-error";
import { createSessionToken } from "../sessions/session-tokens";
import type { AuthenticationRefused } from "../signin/authenticate-person";
import { createAuthnTransaction, type AuthnTransaction, type AuthnTransactionStatus } from "../signin/create-authn-transaction";
import { findAuthnTransaction } from "../signin/find-authn-transaction";
import { moveAuthnTransaction } from "../signin/move-authn-transaction";
import { SIGNIN_RATE_LIMITS } from "../signin/check-credentials";
import { includesFactor } from "../signin/combine-amr";
import { decideSignInStep } from "../signin/decide-sign-in-step";
import { isDeviceTokenRemembered, rememberDeviceToken } from "../signin/device-token";
import { deviceCookie, isDeviceRemembered, readDeviceCookie, rememberDevice } from "../signin/remember-device";
import { resetFailedAttempts } from "../signin/reset-failed-attempts";
import { findUser } from "../users/find-user";
import { readPasswordChanged } from "../users/read-password-changed";
import { mfaChallengeJson, mfaEnrollActivateJson, mfaEnrollJson, mfaRequiredJson, successJson, type AuthnActivation, type AuthnUser } from "./authn-json";

/** E0000004, Okta's answer to any refused primary authentication. */
export const authenticationFailedError = () => new AdminApiError(401, "E0000004", "Authentication failed");
/** E0000011: a stateToken that is unknown, expired, cancelled, already used to SUCCESS, or not for this step. */
export const invalidStateTokenError = () => new AdminApiError(403, "E0000011", "Invalid token provided");
/** E0000068 (403): a wrong passcode, or a WebAuthn answer that does not verify. */
export const invalidPasscodeError = () => new AdminApiError(403, "E0000068", "Invalid Passcode/Answer", ["Your passcode doesn't match our records. Please try again."]);
/** E0000082 (403): a right TOTP code that was already used. */
export const passcodeReusedError = () => new AdminApiError(403, "E0000082", "Each code can only be used once. Please wait for a new code and try again.");

/** The transaction a request's stateToken names, with the state it is in; E0000011 otherwise. */
export type LiveTransaction = AuthnTransaction & { stateToken: string };

export async function loadTransaction(app: AppContext, stateToken: unknown, now: Date): Promise<LiveTransaction> {
  const transaction = typeof stateToken === "string" ? await findAuthnTransaction(app.db, stateToken, now) : null;
  if (!transaction) throw invalidStateTokenError();
  return { ...transaction, stateToken: stateToken as string };
}

export async function loadAuthnUser(app: AppContext, userId: string): Promise<AuthnUser> {
  const [user, passwordChanged] = await Promise.all([findUser(app.db, userId), readPasswordChanged(app.db, userId)]);
  const profile = (user.profile && typeof user.profile === "object" && !Array.isArray(user.profile) ? user.profile : {}) as Record<string, unknown>;
  return { id: user.id, login: user.login, profile, passwordChanged };
}

/** A refused proof as Okta's Authentication API answers it (the refusal is already logged and counted). */
export function refusalError(result: AuthenticationRefused, now: Date): AdminApiError {
  if (result.reason === "RATE_LIMITED") {
    const limit = result.rateLimit ?? { limit: SIGNIN_RATE_LIMITS.perUsername, resetAt: now };
    return rateLimitError({ "X-Rate-Limit-Limit": String(limit.limit), "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": String(Math.ceil(limit.resetAt.getTime() / 1000)) });
  }
  // Okta refuses requests from a blocklisted address with 403
  if (result.reason === "BLOCKED") return forbiddenError();
  if (result.reason === "INVALID_CREDENTIALS" && "factor" in result) return result.factor === "reused" ? passcodeReusedError() : invalidPasscodeError();
  return authenticationFailedError();
}

/** Moves the transaction, or E0000011 when a concurrent step moved it first (or it expired). */
async function move(app: AppContext, from: LiveTransaction, to: { status: AuthnTransactionStatus; factorId?: string | null; amr?: readonly string[] }, now: Date): Promise<Date> {
  const expiresAt = await moveAuthnTransaction(app.db, { stateToken: from.stateToken, from: { status: from.status, factorId: from.factorId }, to, now });
  if (!expiresAt) throw invalidStateTokenError();
  return expiresAt;
}

/** Ends a transaction (a refusal that ends it: the user locked out, the policy denies). */
export async function endTransaction(app: AppContext, transaction: LiveTransaction, now: Date): Promise<void> {
  await moveAuthnTransaction(app.db, { stateToken: transaction.stateToken, from: { status: transaction.status, factorId: transaction.factorId }, to: { status: "CANCELLED" }, now });
}

/**
 * The answer after a proof was accepted (the password, a factor, an activation): decideSignInStep
 * with how the user authenticated so far (and the device remembered by the browser's idp_device
 * cookie or by the primary authentication's context.deviceToken, kept with the transaction) says
 * what comes next.
 * - done: the transaction (if any) ends in SUCCESS, once (a concurrent step that got there first
 *   makes this one E0000011), the failed-attempt count is reset, and a one-time session token carries
 *   the amr and, after a factor, the verification time into the session /authorize starts; with
 *   `rememberDevice` (the verify call's `?rememberDevice=true`) and a factor verified under a rule
 *   with a factor lifetime, the device is remembered for that long (the idp_device cookie, as the
 *   hosted page's "Remember this device");
 * - denied: 401 E0000004, the transaction ends;
 * - verify: MFA_REQUIRED; enroll: MFA_ENROLL (a new transaction after the password, else the
 *   transaction moves there).
 */
export async function answerStep(
  app: AppContext,
  request: PlainRequest,
  state: { user: AuthnUser; amr: string[]; transaction: LiveTransaction | null; now: Date; rememberDevice?: boolean; deviceTokenHash?: string | null },
): Promise<PlainResponse> {
  const { user, amr, transaction, now } = state;
  const tokenHash = transaction ? transaction.deviceTokenHash : (state.deviceTokenHash ?? null);
  const rememberedDevice =
    (await isDeviceRemembered(app.db, { userId: user.id, cookieValue: readDeviceCookie(request.headers.get("cookie")), now })) ||
    (await isDeviceTokenRemembered(app.db, { userId: user.id, tokenHash, now }));
  const step = await decideSignInStep(app.db, { userId: user.id, amr, ipAddress: request.ipAddress, factorVerifiedAt: null, rememberedDevice, now });
  if (step.kind === "denied") {
    if (transaction) await endTransaction(app, transaction, now);
    throw authenticationFailedError();
  }
  if (step.kind === "done") {
    if (transaction) await move(app, transaction, { status: "SUCCESS", amr }, now);
    // the sign-in is complete: only now does the failed-attempt count go back to 0
    await resetFailedAttempts(app.db, user.id);
    const { sessionToken, expiresAt } = await createSessionToken(app.db, { userId: user.id, amr, factorVerifiedAt: includesFactor(amr) ? now : null, now });
    const cookies = state.rememberDevice && transaction && includesFactor(amr) ? await rememberTheDevice(app, request, { userId: user.id, amrBefore: transaction.amr, tokenHash, now }) : [];
    return { status: 200, body: successJson(app.orgUrl, { sessionToken, expiresAt, user }), ...(cookies.length ? { cookies } : {}) };
  }
  const status = step.kind === "verify" ? "MFA_REQUIRED" : "MFA_ENROLL";
  const next = transaction
    ? { stateToken: transaction.stateToken, expiresAt: await move(app, transaction, { status, amr }, now) }
    : await createAuthnTransaction(app.db, { userId: user.id, amr, status, deviceTokenHash: tokenHash, now });
  const body = step.kind === "verify" ? mfaRequiredJson(app.orgUrl, { ...next, user, ...step }) : mfaEnrollJson(app.orgUrl, { ...next, user, options: step.options });
  return { status: 200, body };
}

/**
 * "Remember this device" after a verified factor: the rule that asked for the factor (the step
 * before it, `amrBefore`) says for how long (its factor lifetime); none, nothing is remembered.
 * The device is remembered by the idp_device cookie (returned) and, when the primary
 * authentication sent a context.deviceToken, by that token too (cross-site apps send no cookie).
 */
async function rememberTheDevice(app: AppContext, request: PlainRequest, input: { userId: string; amrBefore: readonly string[]; tokenHash: string | null; now: Date }): Promise<string[]> {
  const asked = await decideSignInStep(app.db, { userId: input.userId, amr: input.amrBefore, ipAddress: request.ipAddress, factorVerifiedAt: null, rememberedDevice: false, now: input.now });
  if (asked.kind !== "verify" || !asked.factorLifetimeMinutes) return [];
  if (input.tokenHash) await rememberDeviceToken(app.db, { userId: input.userId, tokenHash: input.tokenHash, now: input.now, lifetimeMinutes: asked.factorLifetimeMinutes });
  const value = await rememberDevice(app.db, { userId: input.userId, now: input.now, lifetimeMinutes: asked.factorLifetimeMinutes });
  return [deviceCookie(value, { orgUrl: app.orgUrl, maxAgeSeconds: asked.factorLifetimeMinutes * 60 })];
}

/** A factor of the transaction's user, or 404 E0000007 (another user's factor is not found). */
export async function transactionFactor(app: AppContext, transaction: LiveTransaction, factorId: string): Promise<UserFactor> {
  const factor = await findFactor(app.db, { userId: transaction.userId, factorId });
  if (!factor) throw new AdminApiError(404, "E0000007", `Not found: Resource not found: ${factorId} (UserFactor)`);
  return factor;
}

/** MFA_CHALLENGE for a WebAuthn factor: a new challenge for it (single use, expiring), and the transaction waits for the assertion. */
export async function challengeFactor(app: AppContext, transaction: LiveTransaction, factor: UserFactor, now: Date): Promise<PlainResponse> {
  const issued = await verifyFactor(app.db, { userId: transaction.userId, factorId: factor.id, proof: {}, now, secretsKey: app.secretsKey, rp: relyingPartyFor(app.orgUrl) }, async () => {});
  if (issued.outcome !== "challenge") throw invalidPasscodeError();
  const expiresAt = await move(app, transaction, { status: "MFA_CHALLENGE", factorId: factor.id }, now);
  const user = await loadAuthnUser(app, transaction.userId);
  return { status: 200, body: mfaChallengeJson(app.orgUrl, { stateToken: transaction.stateToken, expiresAt, user, factor, challenge: issued.challenge }) };
}

/** MFA_ENROLL_ACTIVATE for a factor just enrolled (with its activation), or shown again (a TOTP secret can be; WebAuthn options cannot). */
export async function activationState(app: AppContext, transaction: LiveTransaction, factor: UserFactor, activation: AuthnActivation, now: Date): Promise<PlainResponse> {
  const expiresAt = transaction.status === "MFA_ENROLL_ACTIVATE" && transaction.factorId === factor.id ? transaction.expiresAt : await move(app, transaction, { status: "MFA_ENROLL_ACTIVATE", factorId: factor.id }, now);
  const shown = activation ?? (factor.factorType === TOTP_FACTOR ? { kind: "totp" as const, sharedSecret: readTotpSecret(factor, app.secretsKey) ?? "" } : null);
  const user = await loadAuthnUser(app, transaction.userId);
  return { status: 200, body: mfaEnrollActivateJson(app.orgUrl, { stateToken: transaction.stateToken, expiresAt, user, factor, activation: shown }) };
}
