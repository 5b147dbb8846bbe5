import type { Db } from "../db/create-db-client";
import { insertSystemLogRows } from "./insert-system-log-rows";
import { systemLogRow, type SystemLogInput } from "./write-system-log";

type Queue = { rows: ReturnType<typeof systemLogRow>[]; flushing: Promise<void> | null };
const queues = new WeakMap<Db, Queue>();
const MAX_BATCH = 500;
/** Events gather this long before one insert writes them all (fewer, larger inserts under load). */
const BATCH_DELAY_MS = 50;

/**
 * Appends a System Log event without making the request wait for it: events queue in memory and
 * are written together (one multi-row insert) BATCH_DELAY_MS later, so a busy token endpoint writes
 * one batch for many requests instead of one row per request. A failed write is reported to the
 * server log and dropped; it never fails the request. Used on hot paths; admin changes use the
 * awaited writeSystemLog.
 */
export function queueSystemLog(db: Db, event: SystemLogInput, published: Date): void {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { rows: [], flushing: null }));
  queue.rows.push(systemLogRow(event, published));
  queue.flushing ??= new Promise<void>((resolve) => setTimeout(resolve, BATCH_DELAY_MS)).then(() => drain(db, queue));
}

async function drain(db: Db, queue: Queue): Promise<void> {
  while (queue.rows.length > 0) {
    const batch = queue.rows.splice(0, MAX_BATCH);
    try {
      await insertSystemLogRows(db, batch);
    } catch (error) {
      console.error(`[system-log] could not write ${batch.length} event(s): ${(error as Error).message}`);
    }
  }
  queue.flushing = null;
}

/** Resolves once every queued event of `db` has been written (tests, shutdown). */
export async function flushSystemLog(db: Db): Promise<void> {
  const queue = queues.get(db);
  while (queue?.flushing) await queue.flushing;
}
