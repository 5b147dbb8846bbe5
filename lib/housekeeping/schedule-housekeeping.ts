import type { Db } from "../db/create-db-client";
import { pruneExpiredRegistrations } from "../registration/prune-expired-registrations";
import { pruneExpiredRows } from "./prune-expired-rows";

const HOUR_MS = 3_600_000;
/** A run that used up its time budget is continued this soon, not an hour later. */
const CONTINUE_MS = 60_000;

/**
 * Runs pruneExpiredRegistrations and pruneExpiredRows soon after start and then hourly, inside the server process (no external
 * cron); a run cut short by its time budget continues a minute later. The timers do not keep the
 * process alive; a failed run is logged and retried next hour. The returned stop (graceful
 * shutdown) also ends a run in progress after its current batch.
 */
export function scheduleHousekeeping(db: Db, now: () => Date = () => new Date()): () => void {
  let timer: NodeJS.Timeout | undefined;
  const stopped = new AbortController();
  const later = (ms: number) => {
    if (stopped.signal.aborted) return;
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    // unverified registrations first, while their expired links still mark them
    pruneExpiredRegistrations(db, now())
      .then(() => pruneExpiredRows(db, now(), { signal: stopped.signal }))
      .then(
        (report) => later(report.complete ? HOUR_MS : CONTINUE_MS),
        (error: unknown) => {
          console.error(`[housekeeping] prune failed: ${(error as Error).message}`);
          later(HOUR_MS);
        },
      );
  };
  later(CONTINUE_MS);
  return () => {
    stopped.abort();
    clearTimeout(timer);
  };
}
