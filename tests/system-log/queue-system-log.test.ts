import { afterAll, describe, expect, inject, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { insertSystemLogRows, type SystemLogRow } from "@/lib/system-log/insert-system-log-rows";
import { createEventQueue, flushSystemLog, queueSystemLog, systemLogQueueStats, type EventQueueLimits } from "@/lib/system-log/queue-system-log";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { systemLogRow, type SystemLogInput } from "@/lib/system-log/write-system-log";

const databases = inject("databases");
const unreachable = createDbClient("postgresql://postgres@127.0.0.1:1/none");
const clients = databases.map(({ provider, url }) => ({ provider, db: createDbClient(url) }));
afterAll(async () => {
  await Promise.all([unreachable, ...clients.map(({ db }) => db).map((db) => db.$disconnect())]);
});

const event = (n: number): SystemLogInput => ({
  eventType: "app.oauth2.as.token.grant.access_token",
  displayMessage: `OAuth2 access token is granted (${n})`,
  actor: { id: "0oatest", type: "PublicClientApp" },
  outcome: { result: "SUCCESS" },
});

/** Each test writes events published inside a window of its own, counted by `published` (part of every row shape). */
let window = Date.UTC(2001, 0, 1);
function nextWindow(count: number) {
  const start = (window += 86_400_000);
  return { at: (n: number) => new Date(start + (n % count)), range: { gte: start, lt: start + count } };
}

const uuidsIn = async (db: Db, rows: readonly SystemLogRow[]) =>
  (await db.systemLogEvent.findMany({ where: { uuid: { in: rows.map((row) => row.uuid) } }, select: { uuid: true } })).map(({ uuid }) => uuid).sort();

const realQueue = (insert: (rows: readonly SystemLogRow[]) => Promise<void>, logs: string[], limits: Partial<EventQueueLimits> = {}) =>
  createEventQueue<SystemLogRow>({
    insert,
    isUnavailable: isDatabaseUnavailable,
    schedule: (run, delayMs) => {
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    },
    log: (line) => logs.push(line),
    limits: { firstRetryMs: 10, maxRetryMs: 40, ...limits },
  });

describe.each(clients)("System Log queue on $provider", ({ db }) => {
  it("flushSystemLog writes every queued event, over several batches", async () => {
    const { at, range } = nextWindow(1200);
    for (let n = 0; n < 1200; n++) queueSystemLog(db, event(n), at(n));
    expect(systemLogQueueStats(db).held).toBe(1200);
    await flushSystemLog(db);
    expect(systemLogQueueStats(db)).toEqual({ held: 0, dropped: 0, rejected: 0 });
    expect(await db.systemLogEvent.count({ where: { published: range } })).toBe(1200);
  });

  it("keeps events while the database cannot be reached and writes every one, once, when it returns", async () => {
    const { at } = nextWindow(30);
    const logs: string[] = [];
    let attempts = 0;
    let failedOnce!: () => void;
    const firstFailure = new Promise<void>((resolve) => (failedOnce = resolve));
    const queue = realQueue(async (rows) => {
      attempts += 1;
      try {
        await insertSystemLogRows(attempts <= 3 ? unreachable : db, rows); // the database returns after three attempts
      } finally {
        if (attempts === 1) failedOnce();
      }
    }, logs);
    const rows = Array.from({ length: 30 }, (_, n) => systemLogRow(event(n), at(n)));
    rows.slice(0, 20).forEach((row) => queue.push(row));
    await firstFailure;
    await new Promise((resolve) => setImmediate(resolve));
    rows.slice(20).forEach((row) => queue.push(row));
    expect(queue.stats().held).toBe(30);
    await queue.flush();
    expect(attempts).toBe(4);
    expect(await uuidsIn(db, rows)).toEqual(rows.map((row) => row.uuid).sort());
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^\[system-log\] database unavailable, holding 20 event\(s\) in memory and retrying: .*Can't reach database server/);
    expect(logs[1]).toBe("[system-log] database available again, 0 held event(s) left to write");
  });

  it("drops a row the database refuses (a duplicate uuid) after three attempts and writes the rows around it", async () => {
    const { at } = nextWindow(9);
    const logs: string[] = [];
    const existing = systemLogRow(event(0), at(0));
    await insertSystemLogRows(db, [existing]);
    const rows = Array.from({ length: 8 }, (_, n) => systemLogRow(event(n + 1), at(n + 1)));
    const queue = realQueue((batch) => insertSystemLogRows(db, batch), logs);
    rows.slice(0, 4).forEach((row) => queue.push(row));
    queue.push({ ...systemLogRow(event(99), at(5)), uuid: existing.uuid });
    rows.slice(4).forEach((row) => queue.push(row));
    await queue.flush();
    expect(queue.stats()).toEqual({ held: 0, dropped: 0, rejected: 1 });
    expect(await uuidsIn(db, rows)).toEqual(rows.map((row) => row.uuid).sort());
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\[system-log\] dropped an event the database refused 3 times \(1 so far\): /);
  });
});
