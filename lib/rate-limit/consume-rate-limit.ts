import type { Db } from "../db/create-db-client";

export type RateLimitDecision = { allowed: boolean; limit: number; remaining: number; resetAt: Date };

/**
 * Fixed-window counter shared by every instance (one row per key and window). The increment is a
 * single upsert, so concurrent requests on several instances count correctly.
 */
export async function consumeRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now: Date): Promise<RateLimitDecision> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  const bucketKey = `${key}@${windowStart.getTime()}`;
  const bucket = await db.rateLimitBucket.upsert({
    where: { key: bucketKey },
    create: { key: bucketKey, count: 1, windowStart, expiresAt: resetAt },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return { allowed: bucket.count <= limit, limit, remaining: Math.max(0, limit - bucket.count), resetAt };
}
