import type { Db } from "../db/create-db-client";
import { createAuthnTransaction } from "../signin/create-authn-transaction";
import { consumeUserToken } from "./consume-user-token";
import { findUserToken, type UserTokenHolder } from "./find-user-token";
import { maySetPassword } from "./set-proven-password";
import type { UserTokenRefusal } from "./user-token-kinds";
import { consumeUserTokenRateLimit } from "./user-token-rate-limit";

export type RedeemedRecoveryToken = { ok: true; stateToken: string; expiresAt: Date; user: UserTokenHolder } | { ok: false; reason: UserTokenRefusal } | { ok: false; reason: "rate_limited"; limit: number; resetAt: Date };

/**
 * POST /api/v1/authn/recovery/token (okta-auth-js verifyRecoveryToken): uses the recovery token
 * once and, in the same transaction, starts an authn transaction in PASSWORD_RESET for its user (a
 * new stateToken, the token's proof carried no further). A token that is unknown, an activation
 * token, used, expired, or whose user may no longer recover changes nothing. Counted per client IP
 * first (USER_TOKEN_RATE_LIMITS).
 */
export async function redeemRecoveryToken(db: Db, input: { token: string | null | undefined; ipAddress: string | null; now: Date }): Promise<RedeemedRecoveryToken> {
  const { now } = input;
  const limit = await consumeUserTokenRateLimit(db, input.ipAddress, now);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", limit: limit.limit, resetAt: limit.resetAt };
  const found = await findUserToken(db, input.token, "RECOVERY", now);
  if (!found.ok) return found;
  if (!maySetPassword("recovery", found.user.status)) return { ok: false, reason: "invalid" };
  const started = await db.$transaction(async (tx) => {
    if (!(await consumeUserToken(tx, { tokenHash: found.tokenHash, kind: "RECOVERY", now }))) return null;
    return createAuthnTransaction(tx, { userId: found.user.id, amr: [], status: "PASSWORD_RESET", now });
  });
  if (!started) return { ok: false, reason: "used" };
  return { ok: true, ...started, user: found.user };
}
