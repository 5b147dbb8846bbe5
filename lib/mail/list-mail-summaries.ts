import type { Db } from "../db/create-db-client";

export const MAIL_STATUSES = ["QUEUED", "SENT", "FAILED", "OUTBOX"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export type MailMessageSummary = {
  id: string;
  toAddress: string;
  subject: string;
  template: string;
  locale: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  created: Date;
  sentAt: Date | null;
};

const SUMMARY = { id: true, toAddress: true, subject: true, template: true, locale: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, created: true, sentAt: true } as const;

/**
 * Messages newest first without their bodies (the dashboard's Outbox list), optionally of one
 * status, `limit` per page; `after` is the last id of the previous page (ids are time-ordered).
 */
export async function listMailSummaries(db: Db, options: { status?: MailStatus; after?: string; limit?: number } = {}): Promise<{ items: MailMessageSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await db.mailMessage.findMany({
    where: { ...(options.status ? { status: options.status } : {}), ...(options.after ? { id: { lt: options.after } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: SUMMARY,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
