import type { PlainResponse } from "../../http/plain-http";
import { checkFormToken, formToken } from "../../http/form-token";
import { renderMessagePage } from "../../http/render-message-page";
import { createTranslator } from "../../i18n/format-message";
import type { Locale } from "../../i18n/locales";
import { LOGOUT_MESSAGES } from "./logout-messages";

const PURPOSE = "logout-confirm";
/** The confirmation form's token field. */
export const LOGOUT_CONFIRM_FIELD = "csrf";

/**
 * The token of the logout confirmation form: bound to the browser's session (HMAC of its id under
 * a key derived from APP_SECRET), so a token seen in another browser, made for another session or
 * made up never confirms this one's sign-out.
 */
export function logoutConfirmToken(secretsKey: Buffer, sessionId: string): string {
  return formToken(secretsKey, PURPOSE, [sessionId]);
}

export function checkLogoutConfirmToken(secretsKey: Buffer, sessionId: string, token: string | null | undefined): boolean {
  return checkFormToken(secretsKey, PURPOSE, [sessionId], token);
}

/**
 * "Sign out?": the page /v1/logout shows instead of ending a session on a request that cannot
 * prove it comes from the session's user (no valid id_token_hint, or one for another user). One
 * primary button posting the request's parameters and the session's token back to the endpoint
 * (a same-origin form, no script), and a Cancel link (the app's validated post-logout URI, else
 * the org's home). 200, not framed, not cached (renderMessagePage), in `locale`.
 */
export function logoutConfirmationPage(input: { action: string; fields: Record<string, string>; cancelHref: string; otherUser: boolean; locale: Locale }): PlainResponse {
  const t = createTranslator(LOGOUT_MESSAGES, input.locale);
  return renderMessagePage({
    status: 200,
    title: t("confirm.title"),
    message: input.otherUser ? t("confirm.otherUser") : t("confirm.text"),
    form: { action: input.action, fields: input.fields, submit: t("confirm.submit") },
    link: { href: input.cancelHref, label: t("confirm.cancel") },
    locale: input.locale,
  });
}
