/**
 * The emails this server sends and the variables each one needs. The contract between the modules
 * that queue mail (users, signin, registration, account) and lib/mail, which renders (branded,
 * localised) and delivers them. A new template is a new entry here and in render-mail.ts.
 */
export type MailTemplateVariables = {
  /** a new user's activation link (Okta `lifecycle/activate?sendEmail=true`) */
  activation: { firstName: string; activationUrl: string; expiresAt: Date };
  /** a password-reset link (self-service recovery or admin `lifecycle/reset_password?sendEmail=true`) */
  "password-reset": { firstName: string; resetUrl: string; expiresAt: Date };
  /** a link that proves the address belongs to the user (registration, email change) */
  "email-verification": { firstName: string; verifyUrl: string; expiresAt: Date };
  /** a link to the NEW address that proves it before it replaces the account's email (My Account) */
  "email-change": { firstName: string; verifyUrl: string; expiresAt: Date };
  /** a notice that a factor was enrolled on the account */
  "factor-enrolled": { firstName: string; factorName: string; when: Date };
  /** a notice that the password was changed or reset */
  "password-changed": { firstName: string; when: Date };
  /** a notice to the previous address that the account's email address was changed (My Account) */
  "email-changed": { firstName: string; newEmail: string; when: Date };
  /** a notice to an account's address that someone tried to register it again (self-service registration): sign in or reset the password instead */
  "account-exists": { firstName: string; signinUrl: string; when: Date };
};

export type MailTemplate = keyof MailTemplateVariables;

export const MAIL_TEMPLATES = ["activation", "password-reset", "email-verification", "factor-enrolled", "password-changed", "email-changed", "email-change", "account-exists"] as const satisfies readonly MailTemplate[];

/** One message to queue: the template with its variables, for one recipient. */
export type MailRequest<T extends MailTemplate = MailTemplate> = {
  to: string;
  /** the user the message is about (lets the outbox show a user only their own mail) */
  userId?: string | null;
  template: T;
  variables: MailTemplateVariables[T];
  /** the language asked for: the user's profile `locale` (`de_DE` or BCP 47) or the page's; negotiated by queueMail (negotiateOrgLocale) */
  locale?: string;
  /** the Accept-Language of the request that sends it (the person asking is usually the person reading), after `locale`, before the org default */
  acceptLanguage?: string | null;
};

export type RenderedMail = { subject: string; text: string; html: string };
