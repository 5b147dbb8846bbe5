import type { Db } from "../db/create-db-client";
import { pruneExpiredRows } from "./prune-expired-rows";

const HOUR_MS = 3_600_000;

/**
 * Runs pruneExpiredRows soon after start and then hourly, inside the server process (no external
 * cron). The timer does not keep the process alive; a failed run is logged and retried next hour.
 */
export function scheduleHousekeeping(db: Db, now: () => Date = () => new Date()): () => void {
  const run = () => {
    pruneExpiredRows(db, now()).catch((error: unknown) => console.error(`[housekeeping] prune failed: ${(error as Error).message}`));
  };
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, HOUR_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
