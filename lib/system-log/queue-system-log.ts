import type { Db } from "../db/create-db-client";
import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { insertSystemLogRows, type SystemLogRow } from "./insert-system-log-rows";
import { systemLogRow, type SystemLogInput } from "./write-system-log";

export type EventQueueLimits = {
  /** Events gather this long before one insert writes them all (fewer, larger inserts under load). */
  batchDelayMs: number;
  /** Rows per insert. */
  maxBatch: number;
  /** Rows held in memory (waiting or being written); beyond it the oldest are dropped and counted. */
  maxHeld: number;
  /** First wait before retrying while the database is unavailable; doubles up to maxRetryMs. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** A single row the database rejects (not "unavailable") is dropped after this many attempts. */
  maxRejections: number;
};

export const EVENT_QUEUE_LIMITS: EventQueueLimits = {
  batchDelayMs: 50,
  maxBatch: 500,
  maxHeld: 10_000,
  firstRetryMs: 100,
  maxRetryMs: 5_000,
  maxRejections: 3,
};

export type EventQueueDeps<Row> = {
  insert: (rows: readonly Row[]) => Promise<void>;
  /** true: the database could not be reached (keep the rows, retry); false: it refused these rows. */
  isUnavailable: (error: unknown) => boolean;
  /** Runs `run` after `delayMs`; returns a cancel function. The timer must not keep the process alive. */
  schedule: (run: () => void, delayMs: number) => () => void;
  log: (line: string) => void;
  limits?: Partial<EventQueueLimits>;
};

export type EventQueueStats = { held: number; dropped: number; rejected: number };

export type EventQueue<Row> = {
  push(row: Row): void;
  /** Writes what is held now (no batch delay), retrying while the database is unavailable; resolves once nothing is held. */
  flush(): Promise<void>;
  stats(): EventQueueStats;
};

/**
 * An in-memory, ordered write-behind queue for rows nobody waits for (token events). Rows are
 * written in the order they were pushed, in batches, by one writer at a time:
 * - while the database is unavailable (isUnavailable), rows stay queued and the head batch is retried
 *   with backoff (firstRetryMs doubling to maxRetryMs) until it returns; at most maxHeld rows are
 *   held, beyond that the oldest are dropped and counted (one warning line per outage);
 * - a batch the database refuses for any other reason is halved until the refused row stands alone;
 *   that row is retried with backoff and dropped after maxRejections attempts, so one bad row never
 *   blocks or loses the rows around it, and nothing is retried forever; batches grow back (doubling
 *   with each write) once rows are accepted again.
 * What a crash loses: the rows held at that moment (normally those of the last batchDelayMs; while
 * the database is unavailable, up to maxHeld).
 */
export function createEventQueue<Row>(deps: EventQueueDeps<Row>): EventQueue<Row> {
  const limits = { ...EVENT_QUEUE_LIMITS, ...deps.limits };
  let rows: Row[] = [];
  let writing = 0; // rows of the batch being inserted (no longer in `rows`)
  let batchSize = limits.maxBatch; // halved while isolating a refused row, then doubled by each success
  let isolating = false; // a batch was refused: searching for the refused row
  let headRejections = 0; // attempts refused for the single row at the head
  let retryMs = 0; // 0: healthy; otherwise the next backoff
  let unavailable = false; // since the last failed insert (its log lines)
  let dropped = 0;
  let droppedSinceWritten = 0;
  let rejected = 0;
  let running = false;
  let cancelTimer: (() => void) | null = null;
  let idleWaiters: Array<() => void> = [];

  const wake = (delayMs: number) => {
    cancelTimer?.();
    cancelTimer = deps.schedule(() => {
      cancelTimer = null;
      void drain();
    }, delayMs);
  };

  const backOff = () => {
    retryMs = retryMs === 0 ? limits.firstRetryMs : Math.min(retryMs * 2, limits.maxRetryMs);
    wake(retryMs);
  };

  async function drain(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (rows.length > 0) {
        const batch = rows.splice(0, batchSize);
        writing = batch.length;
        let failure: { error: unknown } | null = null;
        try {
          await deps.insert(batch);
        } catch (error) {
          failure = { error };
        }
        writing = 0;
        if (!failure) {
          written();
          continue;
        }
        rows = batch.concat(rows);
        if (deps.isUnavailable(failure.error)) {
          if (!unavailable) {
            unavailable = true;
            deps.log(`[system-log] database unavailable, holding ${rows.length} event(s) in memory and retrying: ${message(failure.error)}`);
          }
          backOff();
          return;
        }
        if (batch.length > 1) {
          batchSize = Math.ceil(batch.length / 2); // find the refused row; the others are written meanwhile
          isolating = true;
          continue;
        }
        headRejections += 1;
        if (headRejections < limits.maxRejections) {
          backOff();
          return;
        }
        rows.shift();
        rejected += 1;
        headRejections = 0;
        isolating = false;
        retryMs = 0;
        // one line for the 1st, 2nd, 4th, 8th... so that a database refusing every row cannot flood the log
        if ((rejected & (rejected - 1)) === 0) deps.log(`[system-log] dropped an event the database refused ${limits.maxRejections} times (${rejected} so far): ${message(failure.error)}`);
      }
      batchSize = limits.maxBatch;
      isolating = false;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    } finally {
      running = false;
    }
  }

  function written(): void {
    if (headRejections > 0) isolating = false; // the row refused before went in: it was not the row's fault
    if (!isolating) batchSize = Math.min(batchSize * 2, limits.maxBatch);
    headRejections = 0;
    retryMs = 0;
    if (unavailable) deps.log(`[system-log] database available again, ${rows.length} held event(s) left to write`);
    if (droppedSinceWritten > 0) deps.log(`[system-log] ${droppedSinceWritten} event(s) were dropped while more than ${limits.maxHeld} were held`);
    unavailable = false;
    droppedSinceWritten = 0;
  }

  return {
    push(row) {
      if (rows.length + writing >= limits.maxHeld && rows.length > 0) {
        rows.shift();
        if (writing === 0) headRejections = 0; // the head is a different row now
        dropped += 1;
        if (droppedSinceWritten++ === 0) deps.log(`[system-log] more than ${limits.maxHeld} events held in memory: dropping the oldest (counted)`);
      }
      rows.push(row);
      if (!running && !cancelTimer) wake(limits.batchDelayMs);
    },
    flush() {
      if (rows.length === 0 && writing === 0) return Promise.resolve();
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      if (!running) {
        cancelTimer?.();
        cancelTimer = null;
        void drain();
      }
      return idle;
    },
    stats: () => ({ held: rows.length + writing, dropped, rejected }),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\s+/g, " ").trim() : String(error);
}

const unrefTimer = (run: () => void, delayMs: number) => {
  const timer = setTimeout(run, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

// On globalThis: Next.js gives the start-up hook (the protocol fast path, shutdown) and the route
// handlers separate module instances, and both must feed and flush the same queue of a database.
const holder = globalThis as unknown as { __idpSystemLogQueues?: WeakMap<Db, EventQueue<SystemLogRow>> };
const queues = (holder.__idpSystemLogQueues ??= new WeakMap());

function queueOf(db: Db): EventQueue<SystemLogRow> {
  let queue = queues.get(db);
  if (!queue) {
    queue = createEventQueue<SystemLogRow>({
      insert: (rows) => insertSystemLogRows(db, rows),
      isUnavailable: isDatabaseUnavailable,
      schedule: unrefTimer,
      log: (line) => console.error(line),
    });
    queues.set(db, queue);
  }
  return queue;
}

/**
 * Appends a System Log event without making the request wait for it: events queue in memory and
 * are written together (one multi-row insert) 50 ms later, so a busy token endpoint writes one
 * batch for many requests instead of one row per request; while the database is unavailable they
 * are held (bounded) and written, in order, once it returns (createEventQueue). Never fails the
 * request. Used on hot paths; admin changes append their event inside their own transaction.
 */
export function queueSystemLog(db: Db, event: SystemLogInput, published: Date): void {
  queueOf(db).push(systemLogRow(event, published));
}

/** Resolves once every queued event of `db` has been written (tests, shutdown). */
export function flushSystemLog(db: Db): Promise<void> {
  return queues.get(db)?.flush() ?? Promise.resolve();
}

/** Events of `db` held in memory, dropped because too many were held, and refused by the database. */
export function systemLogQueueStats(db: Db): EventQueueStats {
  return queues.get(db)?.stats() ?? { held: 0, dropped: 0, rejected: 0 };
}
