import type { InTransaction } from "../db/record-change";
import { timeOrderedUuid } from "../ids/time-ordered-uuid";
import type { MailRequest, MailTemplate } from "./mail-templates";
import { renderMail } from "./render-mail";

/** One address, no display name, no CR/LF (header injection), at most 254 characters (RFC 5321 4.5.3.1.3). */
const ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/**
 * Queues one email inside the caller's transaction, so the message exists if and only if the
 * change that sends it commits (an activation token and its email, together). Delivery happens
 * later, outside any request (lib/mail). Refuses an address that is not exactly one plain address.
 */
export async function queueMail<T extends MailTemplate>(tx: InTransaction, request: MailRequest<T>, now: Date): Promise<{ id: string }> {
  if (request.to.length > 254 || !ADDRESS.test(request.to)) throw new Error("queueMail: the recipient is not one plain email address");
  const rendered = renderMail(request.template, request.variables);
  const id = timeOrderedUuid(now);
  await tx.mailMessage.create({
    data: {
      id,
      toAddress: request.to,
      userId: request.userId ?? null,
      template: request.template,
      locale: request.locale ?? "en",
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      status: "QUEUED",
      nextAttemptAt: now,
      created: now,
    },
  });
  return { id };
}
