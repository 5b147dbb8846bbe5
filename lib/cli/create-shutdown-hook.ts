import type { Db } from "../db/create-db-client";
import { markServerDraining } from "../health/server-draining";
import type { MailWorker } from "../mail/start-mail-worker";
import { flushSystemLog, systemLogQueueStats } from "../system-log/queue-system-log";

/**
 * The application's side of a graceful shutdown, handed to `npm start`'s server
 * (lib/cli/graceful-shutdown.mjs) on globalThis.__idpShutdown by the start-up hook.
 */
export type ShutdownHook = {
  /** The server is about to stop taking traffic: /api/health answers 503 "draining" from now on. */
  startDraining(): void;
  /** Every request is answered: stop housekeeping and the mail worker (a send in progress finishes), write the queued System Log events, close the database pool. */
  close(): Promise<void>;
  /** What close() has not done yet, for the last log line when the shutdown deadline passes. */
  unfinished(): string[];
};

export function createShutdownHook(db: Db, stopHousekeeping: () => void, mailWorker?: MailWorker): ShutdownHook {
  return {
    startDraining: markServerDraining,
    async close() {
      stopHousekeeping();
      await mailWorker?.stop();
      await flushSystemLog(db);
      await db.$disconnect();
    },
    unfinished() {
      const { held } = systemLogQueueStats(db);
      return [...(held > 0 ? [`${held} System Log event(s) not written`] : []), ...(mailWorker?.busy() ? ["an email being sent (it is sent again by the next instance)"] : [])];
    },
  };
}
