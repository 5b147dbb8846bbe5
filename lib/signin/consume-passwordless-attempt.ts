import type { Db } from "../db/create-db-client";
import { consumeRateLimit, type RateLimitDecision } from "../rate-limit/consume-rate-limit";

/**
 * Passwordless passkey sign-ins allowed per client IP in one window: each challenge issued (the
 * sign-in page's "Sign in with a passkey" and its conditional UI) and each assertion checked counts,
 * with the limiter every credential check uses (lib/rate-limit, shared by every instance). There is
 * no username to count against until the passkey names its user; a wrong assertion then also counts
 * toward that user's lockout (authenticatePerson's webauthn step).
 */
export const PASSWORDLESS_RATE_LIMIT = { perIp: 30, windowSeconds: 60 } as const;

/** Counts one passwordless challenge or assertion from `ipAddress` (none known: a shared bucket); `allowed: false` once spent. */
export function consumePasswordlessAttempt(db: Db, ipAddress: string | null, now: Date): Promise<RateLimitDecision> {
  return consumeRateLimit(db, `passwordless:ip:${(ipAddress ?? "unknown").slice(0, 64)}`, PASSWORDLESS_RATE_LIMIT.perIp, PASSWORDLESS_RATE_LIMIT.windowSeconds, now);
}
