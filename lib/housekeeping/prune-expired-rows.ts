import type { Db } from "../db/create-db-client";
import { readOrgSettings } from "../bootstrap/read-org-settings";
import { parseLogRetentionDays } from "./parse-log-retention-days";

const DAY_MS = 86_400_000;

export type PruneReport = Record<string, number>;

/**
 * Deletes rows nothing can use any more, so no table grows without end: System Log events past the
 * org's retention (default 90 days), spent rate-limit windows, one-time artifacts past their expiry
 * (assertion ids, revoked access-token ids, pending authorizations, session tokens, sessions), and
 * codes and refresh tokens a day after they died (kept that long so a replay is still recognised).
 * Idempotent, so every instance may run it.
 */
export async function pruneExpiredRows(db: Db, now: Date): Promise<PruneReport> {
  const retentionDays = parseLogRetentionDays(await readOrgSettings(db));
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const results = await db.$transaction([
    db.systemLogEvent.deleteMany({ where: { published: { lt: new Date(now.getTime() - retentionDays * DAY_MS) } } }),
    db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.usedAssertion.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.revokedAccessToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.pendingAuthorization.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.sessionToken.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.userSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.authorizationCode.deleteMany({ where: { expiresAt: { lt: dayAgo } } }),
    db.refreshToken.deleteMany({ where: { OR: [{ windowEndsAt: { lt: dayAgo } }, { expiresAt: { lt: dayAgo } }] } }),
  ]);
  const names = ["systemLogEvents", "rateLimitBuckets", "usedAssertions", "revokedAccessTokens", "pendingAuthorizations", "sessionTokens", "userSessions", "authorizationCodes", "refreshTokens"];
  return Object.fromEntries(names.map((name, i) => [name, results[i]!.count]));
}
