/** Who an email about a user goes to: their primary email, in their language. */
export type MailRecipient = { id: string; login: string; email: string; profile: Record<string, unknown> };

/** The greeting's name: the profile's firstName, else the login. */
export function firstNameOf(user: { login: string; profile: unknown }): string {
  const first = (user.profile as { firstName?: unknown } | null)?.firstName;
  return typeof first === "string" && first ? first : user.login;
}

/**
 * The language the user's profile asks for: its `locale` (Okta's `en_US` form or a BCP 47 tag), or
 * undefined. queueMail negotiates it (negotiateOrgLocale: then Accept-Language, then the org default).
 */
export function profileLocaleOf(user: { profile: unknown }): string | undefined {
  const locale = (user.profile as { locale?: unknown } | null)?.locale;
  return typeof locale === "string" && locale ? locale : undefined;
}
