import { describe, expect, it } from "vitest";
import { createEventQueue, type EventQueueLimits } from "./queue-system-log";

type Outcome = "ok" | "unavailable" | "rejected";

/**
 * A queue of numbers over a fake insert whose outcome each test decides, and a manual scheduler:
 * nothing runs until the test fires the one pending timer (no clock, no sleeps).
 */
function rig(limits: Partial<EventQueueLimits> = {}) {
  const timers: Array<{ run: () => void; delayMs: number; live: boolean }> = [];
  const attempts: number[][] = [];
  const written: number[] = [];
  const logs: string[] = [];
  let outcome: (rows: readonly number[], attempt: number) => Outcome = () => "ok";
  let gate: Promise<void> | null = null;
  const queue = createEventQueue<number>({
    insert: async (rows) => {
      attempts.push([...rows]);
      if (gate) await gate;
      const result = outcome(rows, attempts.length);
      if (result !== "ok") throw new Error(result);
      written.push(...rows);
    },
    isUnavailable: (error) => (error as Error).message === "unavailable",
    schedule: (run, delayMs) => {
      const timer = { run, delayMs, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
    log: (line) => logs.push(line),
    limits,
  });
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    queue,
    attempts,
    written,
    logs,
    settle,
    setOutcome(next: typeof outcome) {
      outcome = next;
    },
    /** Holds every insert until the returned function is called. */
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    pendingDelays: () => timers.filter((timer) => timer.live).map((timer) => timer.delayMs),
    /** Runs the one pending timer and lets the writes it starts finish; returns its delay. */
    async fire(): Promise<number> {
      const live = timers.filter((timer) => timer.live);
      expect(live).toHaveLength(1);
      const timer = live[0]!;
      timer.live = false;
      timer.run();
      await settle();
      return timer.delayMs;
    },
  };
}

const pushAll = (queue: { push(row: number): void }, rows: number[]) => rows.forEach((row) => queue.push(row));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe("createEventQueue", () => {
  it("writes after the batch delay, in order, at most maxBatch rows per insert, with one timer", async () => {
    const r = rig({ maxBatch: 3 });
    pushAll(r.queue, range(1, 7));
    expect(r.pendingDelays()).toEqual([50]);
    expect(await r.fire()).toBe(50);
    expect(r.attempts).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(r.written).toEqual(range(1, 7));
    expect(r.pendingDelays()).toEqual([]);
    expect(r.queue.stats()).toEqual({ held: 0, dropped: 0, rejected: 0 });
  });

  it.each([
    { failures: 1, delays: [50, 100] },
    { failures: 3, delays: [50, 100, 200, 400] },
    { failures: 7, delays: [50, 100, 200, 400, 800, 1000, 1000, 1000] },
  ])("keeps rows while the database is unavailable ($failures failed inserts) and retries with backoff $delays", async ({ failures, delays }) => {
    const r = rig({ maxRetryMs: 1000 });
    r.setOutcome((_, attempt) => (attempt <= failures ? "unavailable" : "ok"));
    pushAll(r.queue, [1, 2, 3]);
    const seen: number[] = [];
    while (r.pendingDelays().length > 0) seen.push(await r.fire());
    expect(seen).toEqual(delays);
    expect(r.written).toEqual([1, 2, 3]);
    expect(r.attempts).toHaveLength(failures + 1);
    expect(r.logs).toEqual([
      "[system-log] database unavailable, holding 3 event(s) in memory and retrying: unavailable",
      "[system-log] database available again, 0 held event(s) left to write",
    ]);
  });

  it("writes rows queued during an outage after the held ones, in order, and starts backoff afresh after recovery", async () => {
    const r = rig({ maxBatch: 2 });
    r.setOutcome((_, attempt) => (attempt <= 2 ? "unavailable" : "ok"));
    pushAll(r.queue, [1, 2, 3]);
    await r.fire();
    pushAll(r.queue, [4, 5]);
    expect(r.pendingDelays()).toEqual([100]);
    await r.fire();
    pushAll(r.queue, [6]);
    expect(await r.fire()).toBe(200);
    expect(r.written).toEqual(range(1, 6));
    r.setOutcome((_, attempt) => (attempt === 6 ? "unavailable" : "ok"));
    r.queue.push(7);
    expect(await r.fire()).toBe(50);
    expect(await r.fire()).toBe(100);
    expect(r.written).toEqual(range(1, 7));
  });

  it("holds at most maxHeld rows: the oldest are dropped and counted, with one warning line", async () => {
    const r = rig({ maxHeld: 5, maxBatch: 2 });
    r.setOutcome((_, attempt) => (attempt === 1 ? "unavailable" : "ok"));
    pushAll(r.queue, range(1, 3));
    await r.fire();
    pushAll(r.queue, range(4, 9));
    expect(r.queue.stats()).toEqual({ held: 5, dropped: 4, rejected: 0 });
    await r.fire();
    expect(r.written).toEqual(range(5, 9));
    expect(r.logs).toEqual([
      "[system-log] database unavailable, holding 3 event(s) in memory and retrying: unavailable",
      "[system-log] more than 5 events held in memory: dropping the oldest (counted)",
      "[system-log] database available again, 3 held event(s) left to write",
      "[system-log] 4 event(s) were dropped while more than 5 were held",
    ]);
  });

  it("never drops the batch being written to make room: the oldest waiting rows go first", async () => {
    const r = rig({ maxHeld: 4, maxBatch: 2 });
    pushAll(r.queue, [1, 2]);
    const release = r.hold();
    void r.fire();
    pushAll(r.queue, [3, 4, 5, 6]);
    expect(r.queue.stats()).toEqual({ held: 4, dropped: 2, rejected: 0 });
    release();
    await r.settle();
    expect(r.written).toEqual([1, 2, 5, 6]);
  });

  it.each([
    { bad: [1], rows: 8 },
    { bad: [5], rows: 8 },
    { bad: [8], rows: 8 },
    { bad: [2, 7], rows: 8 },
    { bad: [300], rows: 700 },
  ])("isolates rows the database refuses ($bad of $rows): the others are written in order, each bad row is tried maxRejections times alone, then dropped", async ({ bad, rows }) => {
    const r = rig({ maxRejections: 3 });
    r.setOutcome((batch) => (batch.some((row) => bad.includes(row)) ? "rejected" : "ok"));
    pushAll(r.queue, range(1, rows));
    for (let fired = 0; r.pendingDelays().length > 0; fired++) {
      expect(fired).toBeLessThan(20);
      await r.fire();
    }
    expect(r.written).toEqual(range(1, rows).filter((row) => !bad.includes(row)));
    expect(r.queue.stats()).toEqual({ held: 0, dropped: 0, rejected: bad.length });
    for (const row of bad) expect(r.attempts.filter((batch) => batch.length === 1 && batch[0] === row)).toHaveLength(3);
    expect(r.attempts.length).toBeLessThan(bad.length * (3 + 2 * Math.ceil(Math.log2(rows))) + Math.ceil(rows / 500) + 2);
    expect(r.logs).toEqual(bad.map((_, index) => `[system-log] dropped an event the database refused 3 times (${index + 1} so far): rejected`));
  });

  it("a database refusing every row costs maxRejections attempts per row once isolated, and one log line per power of two", async () => {
    const r = rig({ maxRejections: 3 });
    r.setOutcome(() => "rejected");
    pushAll(r.queue, range(1, 16));
    for (let fired = 0; r.pendingDelays().length > 0; fired++) {
      expect(fired).toBeLessThan(100);
      await r.fire();
    }
    expect(r.written).toEqual([]);
    expect(r.queue.stats()).toEqual({ held: 0, dropped: 0, rejected: 16 });
    expect(r.attempts).toHaveLength(4 + 16 * 3); // 16, 8, 4, 2 rows, then every row alone three times
    expect(r.logs.map((line) => /\((\d+) so far\)/.exec(line)?.[1])).toEqual(["1", "2", "4", "8", "16"]);
  });

  it("grows batches back after isolating a refused row", async () => {
    const r = rig({ maxBatch: 8, maxRejections: 1 });
    r.setOutcome((batch) => (batch.includes(1) ? "rejected" : "ok"));
    pushAll(r.queue, range(1, 40));
    await r.fire();
    expect(r.attempts.map((batch) => batch.length)).toEqual([8, 4, 2, 1, 1, 2, 4, 8, 8, 8, 8]);
    expect(r.written).toEqual(range(2, 40));
  });

  it("writes a row refused once (e.g. a deadlock) on its retry", async () => {
    const r = rig();
    r.setOutcome((batch, attempt) => (batch.includes(2) && attempt <= 3 ? "rejected" : "ok"));
    pushAll(r.queue, [1, 2, 3]);
    while (r.pendingDelays().length > 0) await r.fire();
    expect(r.written).toEqual([1, 2, 3]);
    expect(r.queue.stats().rejected).toBe(0);
  });

  it("flush writes at once without waiting for the batch delay and resolves when nothing is held", async () => {
    const r = rig();
    pushAll(r.queue, [1, 2, 3]);
    await r.queue.flush();
    expect(r.written).toEqual([1, 2, 3]);
    expect(r.pendingDelays()).toEqual([]);
    await r.queue.flush();
    expect(r.attempts).toHaveLength(1);
  });

  it("flush during an outage retries at once and resolves only once the held rows are written", async () => {
    const r = rig();
    r.setOutcome((_, attempt) => (attempt <= 2 ? "unavailable" : "ok"));
    pushAll(r.queue, [1, 2]);
    await r.fire();
    let flushed = false;
    const flushing = r.queue.flush().then(() => (flushed = true));
    await r.settle();
    expect(r.attempts).toHaveLength(2);
    expect(flushed).toBe(false);
    expect(r.pendingDelays()).toEqual([200]);
    await r.fire();
    await flushing;
    expect(r.written).toEqual([1, 2]);
  });
});
