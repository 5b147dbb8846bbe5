import type { Db } from "../db/create-db-client";
import { readOrgSettings } from "../bootstrap/read-org-settings";
import { parseLogRetentionDays } from "./parse-log-retention-days";

const DAY_MS = 86_400_000;

export type PruneOptions = {
  /** Rows per DELETE (by primary key): each statement is its own short write transaction. */
  batchSize?: number;
  /** Stop starting new batches after this long; what is left waits for the next run. */
  budgetMs?: number;
  /**
   * Pause between two batches, so requests queued behind a batch run before the next one: at least
   * this long and at least as long as the batch took (housekeeping gets at most half the time).
   */
  pauseMs?: number;
  /** Monotonic milliseconds (performance.now), for the budget. */
  clock?: () => number;
};

export type PruneReport = {
  /** rows deleted per table */
  deleted: Record<string, number>;
  /** false: the budget ran out before every expired row was gone */
  complete: boolean;
  batches: number;
};

export const DEFAULT_PRUNE_OPTIONS = { batchSize: 1000, budgetMs: 30_000, pauseMs: 5 } as const;

/** One kind of expired row: its keys oldest-first in batches, and a delete by key. */
type Prunable = { name: string; expiredKeys(take: number): Promise<string[]>; remove(keys: string[]): Promise<number> };

function prunables(db: Db, logCutoff: Date, now: Date, dayAgo: Date): Prunable[] {
  const count = (result: Promise<{ count: number }>) => result.then((r) => r.count);
  const expired = { expiresAt: { lt: now } };
  return [
    {
      name: "systemLogEvents",
      expiredKeys: (take) => db.systemLogEvent.findMany({ where: { published: { lt: logCutoff } }, orderBy: { published: "asc" }, select: { uuid: true }, take }).then((rows) => rows.map((r) => r.uuid)),
      remove: (keys) => count(db.systemLogEvent.deleteMany({ where: { uuid: { in: keys }, published: { lt: logCutoff } } })),
    },
    {
      name: "rateLimitBuckets",
      expiredKeys: (take) => db.rateLimitBucket.findMany({ where: expired, select: { key: true }, take }).then((rows) => rows.map((r) => r.key)),
      remove: (keys) => count(db.rateLimitBucket.deleteMany({ where: { key: { in: keys }, ...expired } })),
    },
    {
      name: "usedAssertions",
      expiredKeys: (take) => db.usedAssertion.findMany({ where: expired, select: { key: true }, take }).then((rows) => rows.map((r) => r.key)),
      remove: (keys) => count(db.usedAssertion.deleteMany({ where: { key: { in: keys }, ...expired } })),
    },
    {
      name: "revokedAccessTokens",
      expiredKeys: (take) => db.revokedAccessToken.findMany({ where: expired, select: { jti: true }, take }).then((rows) => rows.map((r) => r.jti)),
      remove: (keys) => count(db.revokedAccessToken.deleteMany({ where: { jti: { in: keys }, ...expired } })),
    },
    {
      name: "pendingAuthorizations",
      expiredKeys: (take) => db.pendingAuthorization.findMany({ where: expired, select: { id: true }, take }).then((rows) => rows.map((r) => r.id)),
      remove: (keys) => count(db.pendingAuthorization.deleteMany({ where: { id: { in: keys }, ...expired } })),
    },
    {
      name: "sessionTokens",
      expiredKeys: (take) => db.sessionToken.findMany({ where: expired, select: { tokenHash: true }, take }).then((rows) => rows.map((r) => r.tokenHash)),
      remove: (keys) => count(db.sessionToken.deleteMany({ where: { tokenHash: { in: keys }, ...expired } })),
    },
    {
      name: "userSessions",
      expiredKeys: (take) => db.userSession.findMany({ where: expired, select: { id: true }, take }).then((rows) => rows.map((r) => r.id)),
      remove: (keys) => count(db.userSession.deleteMany({ where: { id: { in: keys }, ...expired } })),
    },
    {
      name: "authorizationCodes",
      expiredKeys: (take) => db.authorizationCode.findMany({ where: { expiresAt: { lt: dayAgo } }, select: { codeHash: true }, take }).then((rows) => rows.map((r) => r.codeHash)),
      remove: (keys) => count(db.authorizationCode.deleteMany({ where: { codeHash: { in: keys }, expiresAt: { lt: dayAgo } } })),
    },
    {
      name: "refreshTokens",
      expiredKeys: (take) =>
        db.refreshToken.findMany({ where: { OR: [{ windowEndsAt: { lt: dayAgo } }, { expiresAt: { lt: dayAgo } }] }, select: { id: true }, take }).then((rows) => rows.map((r) => r.id)),
      remove: (keys) => count(db.refreshToken.deleteMany({ where: { id: { in: keys }, OR: [{ windowEndsAt: { lt: dayAgo } }, { expiresAt: { lt: dayAgo } }] } })),
    },
  ];
}

/**
 * Deletes rows nothing can use any more, so no table grows without end: System Log events past the
 * org's retention (default 90 days), spent rate-limit windows, one-time artifacts past their expiry
 * (assertion ids, revoked access-token ids, pending authorizations, session tokens, sessions), and
 * codes and refresh tokens a day after they died (kept that long so a replay is still recognised).
 *
 * Never stalls traffic: rows go in batches of `batchSize`, each a read of expired keys and one
 * DELETE by primary key (on SQLite a write transaction of a few milliseconds, the only writer lock
 * it takes), with a pause between batches in which queued requests run; after `budgetMs` no new
 * batch starts and the report says the run was incomplete (the scheduler comes back sooner). The
 * DELETE re-checks the expiry, and counts only what it removed, so runs on several instances at
 * once are safe and their counts add up to the rows deleted.
 */
export async function pruneExpiredRows(db: Db, now: Date, options: PruneOptions = {}): Promise<PruneReport> {
  const { batchSize, budgetMs, pauseMs } = { ...DEFAULT_PRUNE_OPTIONS, ...options };
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const retentionDays = parseLogRetentionDays(await readOrgSettings(db));
  const logCutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const report: PruneReport = { deleted: {}, complete: true, batches: 0 };
  for (const prunable of prunables(db, logCutoff, now, dayAgo)) {
    let deleted = 0;
    report.deleted[prunable.name] = deleted;
    for (;;) {
      const batchStarted = clock();
      if (batchStarted - started >= budgetMs) return { ...report, complete: false };
      const keys = await prunable.expiredKeys(batchSize);
      if (keys.length === 0) break;
      deleted += await prunable.remove(keys);
      report.deleted[prunable.name] = deleted;
      report.batches++;
      if (keys.length < batchSize) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(pauseMs, clock() - batchStarted)));
    }
  }
  return report;
}
