import type { Db } from "../db/create-db-client";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";

/**
 * Uses of activation and recovery tokens (the forms of the welcome and reset pages, POST
 * /api/v1/authn/recovery/token) per client IP in one window. Tokens carry 256 random bits, so this
 * bounds the work a client can cause, not guessing.
 */
export const USER_TOKEN_RATE_LIMITS = { perIp: 30, windowSeconds: 15 * 60 } as const;

/** Counts one use from `ipAddress` (none known: not limited); false when the budget is spent. */
export async function consumeUserTokenRateLimit(db: Db, ipAddress: string | null, now: Date): Promise<{ allowed: boolean; limit: number; resetAt: Date }> {
  const { perIp, windowSeconds } = USER_TOKEN_RATE_LIMITS;
  if (!ipAddress) return { allowed: true, limit: perIp, resetAt: now };
  const decision = await consumeRateLimit(db, `user-token:ip:${ipAddress.slice(0, 64)}`, perIp, windowSeconds, now);
  return { allowed: decision.allowed, limit: perIp, resetAt: decision.resetAt };
}
