import type { InTransaction } from "../db/record-change";
import { timeOrderedUuid } from "../ids/time-ordered-uuid";
import { negotiateOrgLocale } from "../org-settings/negotiate-org-locale";
import { loadMailBrand } from "./load-mail-brand";
import type { MailRequest, MailTemplate } from "./mail-templates";
import { renderMail } from "./render-mail";

/** One address, no display name, no CR/LF (header injection), at most 254 characters (RFC 5321 4.5.3.1.3). */
const ADDRESS = /^[^\s@<>()",;:\\[\]]+@[^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+$/;

/** Whether queueMail takes this recipient: one plain address, no display name, no CR/LF. */
export function isMailableAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}

/**
 * Queues one email inside the caller's transaction, so the message exists if and only if the
 * change that sends it commits (an activation token and its email, together). Delivery happens
 * later, outside any request (lib/mail/deliver-due-mail.ts). Refuses an address that is not exactly
 * one plain address (no display name, no list, no CR/LF: header injection) and a link that is not an
 * absolute http(s) URL. Rendered now, with the org's brand (its logo under `orgUrl`, the org's URL
 * from AppContext), in the language negotiateOrgLocale picks (the request's `locale`, then its
 * `acceptLanguage`, then the org default), so the stored message is what will be sent.
 */
export async function queueMail<T extends MailTemplate>(tx: InTransaction, request: MailRequest<T>, at: { now: Date; orgUrl: string }): Promise<{ id: string }> {
  if (!isMailableAddress(request.to)) throw new Error("queueMail: the recipient is not one plain email address");
  const { now } = at;
  const locale = await negotiateOrgLocale(tx, { profileLocale: request.locale, acceptLanguage: request.acceptLanguage });
  const rendered = renderMail(request.template, request.variables, { locale, brand: await loadMailBrand(tx, { orgUrl: at.orgUrl, locale }) });
  const id = timeOrderedUuid(now);
  await tx.mailMessage.create({
    data: {
      id,
      toAddress: request.to,
      userId: request.userId ?? null,
      template: request.template,
      locale,
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
