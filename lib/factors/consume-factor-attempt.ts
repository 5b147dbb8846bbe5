import type { Db } from "../db/create-db-client";
import { consumeRateLimit, type RateLimitDecision } from "../rate-limit/consume-rate-limit";

/**
 * Factor checks (activate, verify) allowed per user in one window, counted by the limiter every
 * credential check uses (lib/rate-limit, shared by every instance): the budget bounds code guessing
 * (10^6 TOTP codes, three valid at a time) whatever the caller. Okta allows five activation attempts
 * in five minutes; this budget is per minute and covers verification too.
 */
export const FACTOR_RATE_LIMIT = { perUser: 10, windowSeconds: 60 } as const;

/** Counts one factor check for a user; `allowed: false` once the window's budget is spent. */
export function consumeFactorAttempt(db: Db, userId: string, now: Date): Promise<RateLimitDecision> {
  return consumeRateLimit(db, `factor:user:${userId}`, FACTOR_RATE_LIMIT.perUser, FACTOR_RATE_LIMIT.windowSeconds, now);
}
