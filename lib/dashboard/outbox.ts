import { z } from "zod";
import { getConfig } from "../config/get-config";
import type { SmtpSettings } from "../config/mail-settings";
import type { Db } from "../db/create-db-client";
import { findMailMessage } from "../mail/find-mail-message";
import { listMailSummaries, MAIL_STATUSES, type MailMessageSummary, type MailStatus } from "../mail/list-mail-summaries";

export { MAIL_STATUSES, type MailMessageSummary };

/** How this server delivers email: through SMTP_URL's server, or into the development outbox. */
export type MailDelivery = { mode: "smtp"; server: string } | { mode: "outbox" };

export function describeMailDelivery(smtp: SmtpSettings | null): MailDelivery {
  return smtp ? { mode: "smtp", server: `${smtp.host}:${smtp.port}` } : { mode: "outbox" };
}

/** This process's mail delivery (SMTP_URL, read once at start-up). */
export function mailDelivery(): MailDelivery {
  return describeMailDelivery(getConfig().mail.smtp);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const listQuery = z.strictObject({
  status: z.union([z.enum(MAIL_STATUSES), z.literal("")]).optional(),
  after: z.string().regex(UUID).optional(),
});

export type OutboxList = { items: MailMessageSummary[]; nextCursor: string | null; status: MailStatus | null; error: string | null };

/** The Outbox list: newest first, 50 a page, optionally one status (read-only; the caller has checked the admin). */
export async function loadOutbox(db: Db, query: Record<string, string | string[] | undefined>): Promise<OutboxList> {
  const parsed = listQuery.safeParse(query);
  if (!parsed.success) return { items: [], nextCursor: null, status: null, error: "The filter is not valid: choose a status from the list." };
  const status = parsed.data.status || null;
  const page = await listMailSummaries(db, { status: status ?? undefined, after: parsed.data.after, limit: 50 });
  return { ...page, status, error: null };
}

export type OutboxMessage = MailMessageSummary & {
  /** the bodies, shown only for development-outbox messages; null otherwise, with the reason */
  bodies: { text: string; html: string } | null;
  hiddenReason: string | null;
};

/**
 * One message for its page. Its bodies are shown only when it is in the development outbox (never
 * sent: showing its link is the outbox's purpose). A message for a real mailbox is not shown to
 * the admin: while QUEUED its body holds the recipient's single-use link, and once SENT or FAILED
 * the body is erased.
 */
export async function loadOutboxMessage(db: Db, id: string): Promise<OutboxMessage | null> {
  if (!UUID.test(id)) return null;
  const row = await findMailMessage(db, id);
  if (!row) return null;
  const { textBody, htmlBody, userId: _userId, ...summary } = row;
  void _userId;
  if (row.status === "OUTBOX") return { ...summary, bodies: { text: textBody, html: htmlBody }, hiddenReason: null };
  const hiddenReason =
    row.status === "QUEUED"
      ? "This message is waiting to be delivered to the recipient's mailbox. Its content holds the recipient's single-use link, so it is not shown here."
      : "The content of a message is erased once it is delivered or given up (it held a single-use link); the subject and the delivery record stay.";
  return { ...summary, bodies: null, hiddenReason };
}

/**
 * The HTML body as the Outbox page's sandboxed frame shows it: with its own Content-Security-Policy
 * first (no script, no connection, no form, images over http(s) only), on top of the frame's
 * sandbox (no scripts, a separate origin).
 */
export function outboxPreviewHtml(html: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'none'; base-uri 'none'">`;
  return /<head>/i.test(html) ? html.replace(/<head>/i, `<head>\n${csp}`) : `${csp}\n${html}`;
}

/** A text body cut into plain text and the http(s) links in it (the page renders the links clickable). */
export function textWithLinks(text: string): Array<{ text: string } | { link: string }> {
  const parts: Array<{ text: string } | { link: string }> = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ link: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
