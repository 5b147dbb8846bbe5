import type { InTransaction } from "../db/record-change";
import { firstNameOf, profileLocaleOf, type MailRecipient } from "../mail/mail-recipient";
import type { MailTemplate, MailTemplateVariables } from "../mail/mail-templates";
import { queueMail } from "../mail/queue-mail";

export type { MailRecipient };

/**
 * Queues one of the user-lifecycle emails to the user inside the caller's transaction (queueMail):
 * in the profile's language, else the request's Accept-Language, else the org default.
 */
export async function mailUser<T extends MailTemplate>(
  tx: InTransaction,
  user: MailRecipient,
  template: T,
  variables: Omit<MailTemplateVariables[T], "firstName">,
  options: { now: Date; orgUrl: string; acceptLanguage?: string | null },
): Promise<void> {
  const full = { firstName: firstNameOf(user), ...variables } as MailTemplateVariables[T];
  await queueMail(tx, { to: user.email, userId: user.id, template, variables: full, locale: profileLocaleOf(user), acceptLanguage: options.acceptLanguage }, options);
}
