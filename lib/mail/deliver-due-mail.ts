import type { MailAddress } from "../config/mail-settings";
import type { Db } from "../db/create-db-client";
import { describeSendError, isPermanentSendError } from "./describe-send-error";
import type { MailTransport } from "./mail-transport";
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from "./retry-delay";

/** How long a claimed message belongs to the instance sending it; longer than any send may take (DEFAULT_SEND_TIMEOUT_MS). */
export const DEFAULT_LEASE_MS = 120_000;
/** Messages claimed per round. */
export const DEFAULT_BATCH_SIZE = 10;

export type DeliverOptions = {
  /** the SMTP transport; null: the development outbox (no SMTP_URL): messages are marked OUTBOX and logged, never sent */
  transport: MailTransport | null;
  from: MailAddress;
  now: () => Date;
  /** in [0, 1), for the retry jitter */
  random: () => number;
  /** one line per outbox message and per failed send (stdout / stderr in the server) */
  log: (line: string) => void;
  /** the SMTP user and password, kept out of lastError and the log */
  secrets?: readonly string[];
  retry?: RetryPolicy;
  leaseMs?: number;
  batchSize?: number;
  /** aborted (shutdown): no further message is claimed; the one being sent finishes */
  signal?: AbortSignal;
};

export type DeliveryReport = { claimed: number; sent: number; retried: number; failed: number; outbox: number; lost: number };

type Due = { id: string; toAddress: string; subject: string; textBody: string; htmlBody: string; attempts: number };

/** The first link of a text body (the message's action: the recovery or activation link). */
function firstLink(text: string): string | null {
  return /https?:\/\/[^\s<>"]+/.exec(text)?.[0] ?? null;
}

/**
 * Claims one due message for this instance: a conditional UPDATE that only succeeds while the row
 * is still QUEUED, due and at the attempt count read, so on PostgreSQL (the row lock, then the
 * condition re-checked) and SQLite (one writer) exactly one instance wins it. The claim counts the
 * attempt and moves nextAttemptAt to the end of a lease: an instance that dies mid-send leaves the
 * message due again once the lease is over, and another one retries it.
 */
async function claim(db: Db, due: Due, now: Date, data: { nextAttemptAt: Date } | { status: "OUTBOX" }): Promise<boolean> {
  const { count } = await db.mailMessage.updateMany({
    where: { id: due.id, status: "QUEUED", attempts: due.attempts, nextAttemptAt: { lte: now } },
    data: { attempts: due.attempts + 1, ...data },
  });
  return count === 1;
}

/**
 * One round of delivery, outside any request: reads up to `batchSize` due QUEUED messages (oldest
 * due first) and, for each one this instance claims,
 * - with a transport: sends it. Accepted -> SENT, and its bodies are erased (they hold single-use
 *   links; subject, recipient and dates stay for the Outbox page). Refused or timed out -> due
 *   again after an exponential backoff with jitter (retryDelayMs), or FAILED (bodies erased) after
 *   the last attempt or at once on a permanent SMTP refusal; lastError holds the reason without
 *   credentials. A send whose result cannot be recorded (the database went away) is retried once
 *   its lease is over: delivery is at least once, with the same Message-ID.
 * - without (the development outbox): marks it OUTBOX and logs recipient, subject and link.
 * Messages are sent one after another; each send is bounded by the transport's timeout.
 */
export async function deliverDueMail(db: Db, options: DeliverOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retried: 0, failed: 0, outbox: 0, lost: 0 };
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const started = options.now();
  const due: Due[] = await db.mailMessage.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: started } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: options.batchSize ?? DEFAULT_BATCH_SIZE,
    select: { id: true, toAddress: true, subject: true, textBody: true, htmlBody: true, attempts: true },
  });
  for (const message of due) {
    if (options.signal?.aborted) break;
    const now = options.now();
    if (!options.transport) {
      if (!(await claim(db, message, now, { status: "OUTBOX" }))) continue;
      report.claimed++;
      report.outbox++;
      const link = firstLink(message.textBody);
      options.log(`[mail] development outbox (SMTP_URL is not set; nothing is sent): to ${message.toAddress}, subject "${message.subject}"${link ? `, link ${link}` : ""}`);
      continue;
    }
    if (!(await claim(db, message, now, { nextAttemptAt: new Date(now.getTime() + leaseMs) }))) continue;
    report.claimed++;
    const attempt = message.attempts + 1;
    const claimed = { id: message.id, status: "QUEUED", attempts: attempt };
    try {
      await options.transport.send({ id: message.id, from: options.from, to: message.toAddress, subject: message.subject, text: message.textBody, html: message.htmlBody, date: now });
    } catch (error) {
      const lastError = describeSendError(error, options.secrets);
      const giveUp = attempt >= policy.maxAttempts || isPermanentSendError(error);
      const failedAt = options.now();
      const next = new Date(failedAt.getTime() + retryDelayMs(attempt, options.random, policy));
      const { count } = await db.mailMessage.updateMany({
        where: claimed,
        data: giveUp ? { status: "FAILED", lastError, textBody: "", htmlBody: "" } : { nextAttemptAt: next, lastError },
      });
      if (count === 0) report.lost++;
      else if (giveUp) report.failed++;
      else report.retried++;
      options.log(
        giveUp
          ? `[mail] message ${message.id} not delivered after ${attempt} attempt(s), given up: ${lastError}`
          : `[mail] message ${message.id} not delivered (attempt ${attempt} of ${policy.maxAttempts}), next attempt at ${next.toISOString()}: ${lastError}`,
      );
      continue;
    }
    const { count } = await db.mailMessage.updateMany({ where: claimed, data: { status: "SENT", sentAt: options.now(), lastError: null, textBody: "", htmlBody: "" } });
    if (count === 0) report.lost++;
    else report.sent++;
  }
  return report;
}
