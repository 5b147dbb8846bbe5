import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneExpiredRows } from "@/lib/housekeeping/prune-expired-rows";
import { insertSystemLogRows } from "@/lib/system-log/insert-system-log-rows";
import { systemLogRow, writeSystemLog } from "@/lib/system-log/write-system-log";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import type { Db } from "@/lib/db/create-db-client";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const DAY = 86_400_000;
const actor = { id: "a", type: "User" };

/** The same database, counting the raw statements run through it (each batch is one DELETE). */
function countingStatements(db: Db): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const extended = db.$extends({
    query: {
      async $executeRaw({ args, query }) {
        statements.push((args as unknown as { strings: readonly string[] }).strings.join("?").trim().split(" ")[0]!);
        return query(args);
      },
    },
  });
  return { db: extended as unknown as Db, statements };
}

describe.each(testProviders())("pruneExpiredRows on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  /** `count` events of `eventType`, published at `at` plus i milliseconds. */
  async function logEvents(eventType: string, count: number, at: Date): Promise<void> {
    const rows = Array.from({ length: count }, (_, i) => systemLogRow({ eventType, displayMessage: eventType, actor, outcome: { result: "SUCCESS" } }, new Date(at.getTime() + i)));
    for (let i = 0; i < rows.length; i += 500) await insertSystemLogRows(f.db, rows.slice(i, i + 500));
  }

  it("deletes what has expired and keeps what is still needed", async () => {
    const now = new Date("2026-06-01T00:00:00.000Z");
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
    await writeSystemLog(f.db, { eventType: "old", displayMessage: "old", actor, outcome: { result: "SUCCESS" } }, at(-91 * DAY));
    await writeSystemLog(f.db, { eventType: "recent", displayMessage: "recent", actor, outcome: { result: "SUCCESS" } }, at(-89 * DAY));
    await f.db.rateLimitBucket.createMany({
      data: [
        { key: "spent", count: 1, windowStart: at(-120_000), expiresAt: at(-60_000) },
        { key: "live", count: 1, windowStart: at(-30_000), expiresAt: at(30_000) },
      ],
    });
    await f.db.usedAssertion.createMany({ data: [{ key: "old", expiresAt: at(-1) }, { key: "live", expiresAt: at(1000) }] });
    const user = await f.db.user.findFirstOrThrow();
    const family = { authServerId: "default", clientId: "c", userId: user.id, scopes: [], decision: {} };
    await f.db.refreshTokenFamily.createMany({ data: [{ id: "f0", ...family, lastUsed: at(-3 * DAY) }, { id: "f1", ...family, lastUsed: at(-DAY) }] });
    await f.db.refreshToken.createMany({
      data: [
        { id: "oarDeadLongAgo000000", tokenHash: new Uint8Array(32).fill(0xaa), familyId: "f1", status: "ROTATED", windowEndsAt: at(-2 * DAY) },
        { id: "oarDiedRecently00000", tokenHash: new Uint8Array(32).fill(0xbb), familyId: "f1", status: "ACTIVE", windowEndsAt: at(-DAY / 2) },
      ],
    });
    const mail = (id: string, status: string, created: Date) => ({ id, toAddress: "a@example.com", template: "activation", locale: "en", subject: "s", textBody: "", htmlBody: "", status, nextAttemptAt: created, created });
    await f.db.mailMessage.createMany({
      data: [
        mail("mail-sent-31d", "SENT", at(-31 * DAY)),
        mail("mail-failed-31d", "FAILED", at(-31 * DAY)),
        mail("mail-sent-29d", "SENT", at(-29 * DAY)),
        mail("mail-queued-100d", "QUEUED", at(-100 * DAY)),
        mail("mail-outbox-8d", "OUTBOX", at(-8 * DAY)),
        mail("mail-outbox-6d", "OUTBOX", at(-6 * DAY)),
      ],
    });

    const report = await pruneExpiredRows(f.db, now);
    expect(report.complete).toBe(true);
    expect(report.deleted).toEqual({
      systemLogEvents: 1,
      // the old event's context and debug parts, stored for its day
      systemLogParts: 2,
      rateLimitBuckets: 1,
      usedAssertions: 1,
      revokedAccessTokens: 0,
      pendingAuthorizations: 0,
      sessionTokens: 0,
      rememberedDevices: 0,
      authnTransactions: 0,
      webAuthnChallenges: 0,
      userSessions: 0,
      userTokens: 0,
      authorizationCodes: 0,
      refreshTokens: 1,
      mailMessages: 2,
      outboxMessages: 1,
      refreshTokenFamilies: 1,
    });
    expect((await f.db.mailMessage.findMany({ orderBy: { id: "asc" } })).map((m) => m.id)).toEqual(["mail-outbox-6d", "mail-queued-100d", "mail-sent-29d"]);
    expect((await readLogEvents(f.db, { where: { eventType: { in: ["old", "recent"] } } })).map((e) => [e.eventType, e.actor])).toEqual([["recent", actor]]);
    expect((await f.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["live"]);
    expect((await f.db.usedAssertion.findMany()).map((a) => a.key)).toEqual(["live"]);
    expect((await f.db.refreshToken.findMany()).map((t) => t.id)).toEqual(["oarDiedRecently00000"]);
    expect((await f.db.refreshTokenFamily.findMany()).map((family) => family.id)).toEqual(["f1"]);
    const again = await pruneExpiredRows(f.db, now);
    expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true);
    expect(again.batches).toBe(0);
  });

  it("honours the org's retention setting", async () => {
    const now = new Date("2026-07-01T00:00:00.000Z");
    await f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { systemLogRetentionDays: 7 } } });
    await writeSystemLog(f.db, { eventType: "eight-days", displayMessage: "x", actor, outcome: { result: "SUCCESS" } }, new Date(now.getTime() - 8 * DAY));
    await writeSystemLog(f.db, { eventType: "six-days", displayMessage: "x", actor, outcome: { result: "SUCCESS" } }, new Date(now.getTime() - 6 * DAY));
    await pruneExpiredRows(f.db, now);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "eight-days" } })).toBe(0);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "six-days" } })).toBe(1);
    await f.db.orgSettings.update({ where: { id: "org" }, data: { settings: {} } });
  });

  it("deletes in batches of the given size, one DELETE per batch, exactly the expired rows", async () => {
    const now = new Date("2026-09-01T00:00:00.000Z");
    const cutoff = new Date(now.getTime() - 90 * DAY);
    await pruneExpiredRows(f.db, now); // what earlier tests left behind
    await logEvents("batch.expired", 1234, new Date(cutoff.getTime() - 10_000));
    await logEvents("batch.kept", 20, cutoff);
    const counting = countingStatements(f.db);

    const report = await pruneExpiredRows(counting.db, now, { batchSize: 100, pauseMs: 0 });

    expect(report).toMatchObject({ complete: true, batches: 14 });
    expect(report.deleted.systemLogEvents).toBe(1234);
    expect(report.deleted.systemLogParts).toBe(2);
    // 12 full batches and one of 34, one of the expired day's two parts, then one DELETE per other table that finds nothing
    expect(counting.statements).toEqual(Array(14 + 15).fill("DELETE"));
    expect(await f.db.systemLogEvent.count({ where: { eventType: "batch.expired" } })).toBe(0);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "batch.kept" } })).toBe(20);
  });

  it("stops starting batches when its time budget is spent, and the next run finishes the job", async () => {
    const now = new Date("2026-12-01T00:00:00.000Z");
    await pruneExpiredRows(f.db, now);
    await logEvents("budget.expired", 250, new Date(now.getTime() - 100 * DAY));
    let ms = 0;
    // each read of the clock is 10 ms later, two reads per batch: a 50 ms budget allows two batches
    const clock = () => (ms += 10) - 10;
    const first = await pruneExpiredRows(f.db, now, { batchSize: 50, budgetMs: 50, pauseMs: 0, clock });
    expect(first).toMatchObject({ complete: false, batches: 2 });
    expect(first.deleted.systemLogEvents).toBe(100);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "budget.expired" } })).toBe(150);
    const second = await pruneExpiredRows(f.db, now, { batchSize: 50, pauseMs: 0 });
    expect(second.complete).toBe(true);
    expect(second.deleted.systemLogEvents).toBe(150);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "budget.expired" } })).toBe(0);
  });

  it("starts no batch once its signal is aborted (shutdown)", async () => {
    const now = new Date("2027-01-15T00:00:00.000Z");
    await pruneExpiredRows(f.db, now);
    await logEvents("aborted.expired", 10, new Date(now.getTime() - 100 * DAY));
    const report = await pruneExpiredRows(f.db, now, { signal: AbortSignal.abort() });
    expect(report).toMatchObject({ complete: false, batches: 0 });
    expect(await f.db.systemLogEvent.count({ where: { eventType: "aborted.expired" } })).toBe(10);
  });

  it("runs on two instances at once without error, and together they delete each row once", async () => {
    const now = new Date("2027-03-01T00:00:00.000Z");
    await pruneExpiredRows(f.db, now);
    await logEvents("race.expired", 600, new Date(now.getTime() - 100 * DAY));
    const reports = await Promise.all([pruneExpiredRows(f.db, now, { batchSize: 100, pauseMs: 0 }), pruneExpiredRows(f.db, now, { batchSize: 100, pauseMs: 0 })]);
    expect(reports.every((r) => r.complete)).toBe(true);
    expect(reports.reduce((sum, r) => sum + (r.deleted.systemLogEvents ?? 0), 0)).toBe(600);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "race.expired" } })).toBe(0);
  });
});
