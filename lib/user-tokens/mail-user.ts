import type { InTransaction } from "../db/record-change";
import { negotiateLocale } from "../i18n/negotiate-locale";
import type { MailTemplate, MailTemplateVariables } from "../mail/mail-templates";
import { queueMail } from "../mail/queue-mail";

/** Who an email about a user goes to: their primary email, in their language. */
export type MailRecipient = { id: string; login: string; email: string; profile: Record<string, unknown> };

/** The greeting's name: the profile's firstName, else the login. */
export function firstNameOf(user: MailRecipient): string {
  const first = user.profile.firstName;
  return typeof first === "string" && first ? first : user.login;
}

/**
 * The language of an email to a user: the profile's `locale` (Okta's `en_US` form or a BCP 47 tag),
 * else the request's Accept-Language (the person asking is usually the person reading), else the
 * org default (negotiateLocale).
 */
export function mailLocaleOf(user: MailRecipient, acceptLanguage: string | null | undefined): string {
  const locale = user.profile.locale;
  return negotiateLocale({ uiLocales: typeof locale === "string" ? locale.replace(/_/g, "-") : null, acceptLanguage });
}

/** Queues one of the user-lifecycle emails to the user inside the caller's transaction (queueMail). */
export async function mailUser<T extends MailTemplate>(
  tx: InTransaction,
  user: MailRecipient,
  template: T,
  variables: Omit<MailTemplateVariables[T], "firstName">,
  options: { now: Date; acceptLanguage?: string | null },
): Promise<void> {
  const full = { firstName: firstNameOf(user), ...variables } as MailTemplateVariables[T];
  await queueMail(tx, { to: user.email, userId: user.id, template, variables: full, locale: mailLocaleOf(user, options.acceptLanguage) }, options.now);
}
