import { randomInt } from "node:crypto";
import type { Db } from "../db/create-db-client";
import { deliverDueMail, type DeliverOptions, type DeliveryReport } from "./deliver-due-mail";

/** How often an idle worker looks for due messages. */
export const DEFAULT_POLL_MS = 2_000;
/** After a round that failed (the database unavailable), the next one waits this long. */
const ERROR_PAUSE_MS = 15_000;

export type MailWorker = {
  /** Stops claiming; resolves once the send in progress (bounded by the send timeout) is over. */
  stop(): Promise<void>;
  /** true while a round is running (graceful shutdown reports it). */
  busy(): boolean;
  /** Runs a round now unless one is running (tests, and a nudge after queueing). */
  wake(): void;
};

export type MailWorkerOptions = Omit<DeliverOptions, "now" | "random"> & {
  now?: () => Date;
  random?: () => number;
  pollMs?: number;
  /** called after every round (tests) */
  onRound?: (report: DeliveryReport) => void;
};

/**
 * Delivers queued email in the background of a server instance (started with the server, like
 * housekeeping): a round every `pollMs`, the next one at once while rounds find full batches. Runs on
 * timers that do not keep the process alive, never inside a request, so a slow or unreachable mail
 * server delays only the mail. Several instances run one each: deliverDueMail's claims make sure a
 * message is sent by one of them. A round that fails (database unavailable) is logged and the
 * worker pauses; nothing is lost, the messages stay QUEUED.
 */
export function startMailWorker(db: Db, options: MailWorkerOptions): MailWorker {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const deliver: DeliverOptions = { ...options, now: options.now ?? (() => new Date()), random: options.random ?? (() => randomInt(0, 2 ** 32) / 2 ** 32) };
  const stopping = new AbortController();
  deliver.signal = stopping.signal;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastFailure = "";

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(round, ms);
    timer.unref();
  };
  const round = () => {
    if (running || stopped) return;
    running = deliverDueMail(db, deliver).then(
      (report) => {
        lastFailure = "";
        options.onRound?.(report);
        return report.claimed >= (deliver.batchSize ?? 10) ? 0 : pollMs;
      },
      (error: unknown) => {
        const line = `[mail] delivery round failed, retrying in ${ERROR_PAUSE_MS / 1000} s: ${(error as Error).message?.split("\n")[0] ?? String(error)}`;
        if (line !== lastFailure) console.error(line); // once per kind of failure, not every round
        lastFailure = line;
        return ERROR_PAUSE_MS;
      },
    ).then((wait) => {
      running = null;
      schedule(wait);
    });
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      stopping.abort();
      clearTimeout(timer);
      await running;
      options.transport?.close();
    },
    busy: () => running !== null,
    wake() {
      if (!running) schedule(0);
    },
  };
}
