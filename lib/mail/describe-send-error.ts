import { singleLine } from "./mail-text";

type SendError = { code?: unknown; responseCode?: unknown; message?: unknown; permanent?: unknown; name?: unknown };

/** At most this much of a failure is kept (MailMessage.lastError). */
const MAX_ERROR_LENGTH = 300;

/**
 * A failed send as one line for MailMessage.lastError and the log: the error code, the SMTP reply
 * code and the message, with every `secret` (the SMTP user and password, also percent- and
 * base64-encoded as AUTH sends them) replaced by "***", no line breaks, bounded in length.
 */
export function describeSendError(error: unknown, secrets: readonly string[] = []): string {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as SendError;
  const parts = [typeof e.code === "string" ? e.code : null, typeof e.responseCode === "number" ? String(e.responseCode) : null, typeof e.message === "string" ? e.message : String(e.name ?? "error")];
  let text = parts.filter(Boolean).join(" ");
  const hidden = secrets.filter((s) => s.length >= 3).flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString("base64")]);
  if (secrets.length >= 2) hidden.push(Buffer.from(`\u0000${secrets[0]}\u0000${secrets[1]}`).toString("base64"));
  for (const secret of hidden.sort((a, b) => b.length - a.length)) text = text.split(secret).join("***");
  return singleLine(text, MAX_ERROR_LENGTH);
}

/**
 * An SMTP 5xx reply to the message itself (RFC 5321 4.2.1, nodemailer's `permanent` on an
 * EENVELOPE or EMESSAGE error: a refused recipient, sender or content): retrying gets the same
 * answer. Any other failure (a refused login, a missing STARTTLS, a connection failure) is the
 * server's or the configuration's, and the messages wait for it to be fixed.
 */
export function isPermanentSendError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as SendError;
  return e.permanent === true && (e.code === "EENVELOPE" || e.code === "EMESSAGE");
}
