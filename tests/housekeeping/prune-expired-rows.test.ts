import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneExpiredRows } from "@/lib/housekeeping/prune-expired-rows";
import { writeSystemLog } from "@/lib/system-log/write-system-log";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

const DAY = 86_400_000;

describe.each(testProviders())("pruneExpiredRows on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("deletes what has expired and keeps what is still needed", async () => {
    const now = new Date("2026-06-01T00:00:00.000Z");
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
    const actor = { id: "a", type: "User" };
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
    await f.db.refreshToken.createMany({
      data: [
        { id: "oarDeadLongAgo000000", tokenHash: "a".repeat(64), familyId: "f1", authServerId: "default", clientId: "c", userId: user.id, scopes: [], status: "ROTATED", decision: {}, windowEndsAt: at(-2 * DAY) },
        { id: "oarDiedRecently00000", tokenHash: "b".repeat(64), familyId: "f1", authServerId: "default", clientId: "c", userId: user.id, scopes: [], status: "ACTIVE", decision: {}, windowEndsAt: at(-DAY / 2) },
      ],
    });

    const report = await pruneExpiredRows(f.db, now);
    expect(report).toMatchObject({ systemLogEvents: 1, rateLimitBuckets: 1, usedAssertions: 1, refreshTokens: 1 });
    expect((await f.db.systemLogEvent.findMany({ where: { eventType: { in: ["old", "recent"] } } })).map((e) => e.eventType)).toEqual(["recent"]);
    expect((await f.db.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["live"]);
    expect((await f.db.usedAssertion.findMany()).map((a) => a.key)).toEqual(["live"]);
    expect((await f.db.refreshToken.findMany()).map((t) => t.id)).toEqual(["oarDiedRecently00000"]);
    expect(await pruneExpiredRows(f.db, now)).toMatchObject({ systemLogEvents: 0, rateLimitBuckets: 0, refreshTokens: 0 });
  });

  it("honours the org's retention setting", async () => {
    const now = new Date("2026-07-01T00:00:00.000Z");
    await f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { systemLogRetentionDays: 7 } } });
    await writeSystemLog(f.db, { eventType: "eight-days", displayMessage: "x", actor: { id: "a", type: "User" }, outcome: { result: "SUCCESS" } }, new Date(now.getTime() - 8 * DAY));
    await writeSystemLog(f.db, { eventType: "six-days", displayMessage: "x", actor: { id: "a", type: "User" }, outcome: { result: "SUCCESS" } }, new Date(now.getTime() - 6 * DAY));
    await pruneExpiredRows(f.db, now);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "eight-days" } })).toBe(0);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "six-days" } })).toBe(1);
  });
});
