import type { Db } from "../db/create-db-client";
import { Prisma } from "../db/generated/sqlite/client";
import { readOrgSettings } from "../org-settings/read-org-settings";

const DAY_MS = 86_400_000;
/** Sent and failed emails (their bodies already erased) are listed on the Outbox page this long. */
export const MAIL_RETENTION_DAYS = 30;
/** Development-outbox emails keep their bodies (single-use links) this long. */
export const OUTBOX_RETENTION_DAYS = 7;

export type PruneOptions = {
  /** Rows per DELETE (by primary key): each statement is its own short write transaction. */
  batchSize?: number;
  /** Stop starting new batches after this long; what is left waits for the next run. */
  budgetMs?: number;
  /** Pause between two batches, so requests queued behind a batch run before the next one: at least this long. */
  pauseMs?: number;
  /** At most this share of the time goes to deleting: after a batch that took t, pause t * (1 - share) / share. */
  share?: number;
  /** Monotonic milliseconds (performance.now), for the budget. */
  clock?: () => number;
  /** Aborted (shutdown): no new batch starts. */
  signal?: AbortSignal;
};

export type PruneReport = {
  /** rows deleted per table */
  deleted: Record<string, number>;
  /** false: the budget ran out (or the run was aborted) before every expired row was gone */
  complete: boolean;
  batches: number;
};

const DEFAULT_PRUNE_OPTIONS = { batchSize: 1000, budgetMs: 30_000, pauseMs: 5, share: 0.25 } as const;

/**
 * A table whose rows expire: its primary key, the condition a row past use meets, and the indexed
 * column the batch is read in order of (so the database walks that index, oldest first, instead of
 * scanning the table for rows that are gone).
 */
type Prunable = { name: string; table: string; key: readonly string[]; expired: (cutoffs: Cutoffs) => Prisma.Sql; order: string };
type Cutoffs = { now: Date; dayAgo: Date; logCutoff: Date; mailCutoff: Date; outboxCutoff: Date };

const PRUNABLES: readonly Prunable[] = [
  { name: "systemLogEvents", table: "SystemLogEvent", key: ["uuid"], expired: (c) => Prisma.sql`"published" < ${c.logCutoff.getTime()}`, order: "published" },
  // a part's row for a day no event is left of (an event of day d is gone once published < cutoff)
  { name: "systemLogParts", table: "SystemLogPart", key: ["key", "day"], expired: (c) => Prisma.sql`"day" < ${Math.floor(c.logCutoff.getTime() / DAY_MS)}`, order: "day" },
  { name: "rateLimitBuckets", table: "RateLimitBucket", key: ["key"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "usedAssertions", table: "UsedAssertion", key: ["key"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "revokedAccessTokens", table: "RevokedAccessToken", key: ["jti"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "pendingAuthorizations", table: "PendingAuthorization", key: ["id"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "sessionTokens", table: "SessionToken", key: ["tokenHash"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "rememberedDevices", table: "RememberedDevice", key: ["tokenHash"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "authnTransactions", table: "AuthnTransaction", key: ["stateTokenHash"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "webAuthnChallenges", table: "WebAuthnChallenge", key: ["challengeHash"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  { name: "userSessions", table: "UserSession", key: ["id"], expired: (c) => Prisma.sql`"expiresAt" < ${c.now}`, order: "expiresAt" },
  // activation and recovery link tokens: kept a day past their expiry, so a late click still reads "expired" rather than "unknown"
  { name: "userTokens", table: "UserToken", key: ["tokenHash"], expired: (c) => Prisma.sql`"expiresAt" < ${c.dayAgo}`, order: "expiresAt" },
  { name: "authorizationCodes", table: "AuthorizationCode", key: ["codeHash"], expired: (c) => Prisma.sql`"expiresAt" < ${c.dayAgo}`, order: "expiresAt" },
  // a token past its family's absolute end is refused at once (findLiveRefreshToken) and goes once its window ends
  { name: "refreshTokens", table: "RefreshToken", key: ["id"], expired: (c) => Prisma.sql`"windowEndsAt" < ${c.dayAgo}`, order: "windowEndsAt" },
  // a family (what its tokens share, its lock and grace state) is garbage once none of its tokens is left
  // emails once delivered or given up (QUEUED ones stay until they are), development-outbox ones sooner
  { name: "mailMessages", table: "MailMessage", key: ["id"], expired: (c) => Prisma.sql`"status" IN ('SENT', 'FAILED') AND "created" < ${c.mailCutoff}`, order: "created" },
  { name: "outboxMessages", table: "MailMessage", key: ["id"], expired: (c) => Prisma.sql`"status" = 'OUTBOX' AND "created" < ${c.outboxCutoff}`, order: "created" },
  { name: "refreshTokenFamilies", table: "RefreshTokenFamily", key: ["id"], expired: () => Prisma.sql`NOT EXISTS (SELECT 1 FROM "RefreshToken" t WHERE t."familyId" = "RefreshTokenFamily"."id")`, order: "id" },
];

/**
 * One batch: a single DELETE of at most `limit` expired rows chosen by primary key (a row value when
 * it has several columns), the same SQL on SQLite and PostgreSQL (values bound, names from the table above). Raw SQL so that the keys never
 * travel through this process: the server's event loop only waits for the statement.
 */
function deleteBatch(db: Db, prunable: Prunable, cutoffs: Cutoffs, limit: number): Promise<number> {
  const table = Prisma.raw(`"${prunable.table}"`);
  const key = Prisma.raw(prunable.key.map((column) => `"${column}"`).join(", "));
  const order = Prisma.raw(`"${prunable.order}"`);
  return db.$executeRaw`DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE ${prunable.expired(cutoffs)} ORDER BY ${order} LIMIT ${limit})`;
}

/**
 * Deletes rows nothing can use any more, so no table grows without end: System Log events past the
 * org's retention (default 90 days) and the daily rows of their shared parts, spent rate-limit windows, one-time artifacts past their expiry
 * (assertion ids, revoked access-token ids, pending authorizations, session tokens, remembered
 * devices, Authentication API transactions, WebAuthn challenges, sessions), and
 * codes and refresh tokens a day after they died (kept that long so a replay is still recognised),
 * emails 30 days after they were queued once sent or given up (7 for the development outbox's,
 * which keep their links), then the state of refresh-token families none of whose tokens is left.
 *
 * Never stalls traffic: rows go in batches of `batchSize`, each one DELETE by primary key (on SQLite
 * a write transaction of a few milliseconds, the only writer lock it takes), with a pause after each
 * in which queued requests run, long enough that deleting takes at most `share` of the time; after
 * `budgetMs`, or once `signal` is aborted, no new batch starts and the report says the run was
 * incomplete (the scheduler comes back sooner). Each DELETE counts only what it removed, so runs on several instances at once are
 * safe and their counts add up to the rows deleted.
 */
export async function pruneExpiredRows(db: Db, now: Date, options: PruneOptions = {}): Promise<PruneReport> {
  const { batchSize, budgetMs, pauseMs, share } = { ...DEFAULT_PRUNE_OPTIONS, ...options };
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const retentionDays = (await readOrgSettings(db)).systemLogRetentionDays;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const cutoffs: Cutoffs = { now, dayAgo: daysAgo(1), logCutoff: daysAgo(retentionDays), mailCutoff: daysAgo(MAIL_RETENTION_DAYS), outboxCutoff: daysAgo(OUTBOX_RETENTION_DAYS) };
  const report: PruneReport = { deleted: {}, complete: true, batches: 0 };
  for (const prunable of PRUNABLES) {
    let deleted = 0;
    report.deleted[prunable.name] = deleted;
    for (;;) {
      const batchStarted = clock();
      if (batchStarted - started >= budgetMs || options.signal?.aborted) return { ...report, complete: false };
      const count = await deleteBatch(db, prunable, cutoffs, batchSize);
      if (count === 0) break;
      deleted += count;
      report.deleted[prunable.name] = deleted;
      report.batches++;
      if (count < batchSize) break;
      await new Promise((resolve) => setTimeout(resolve, Math.max(pauseMs, ((clock() - batchStarted) * (1 - share)) / share)));
    }
  }
  return report;
}
