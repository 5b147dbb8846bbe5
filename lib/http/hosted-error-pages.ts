import { RETRY_AFTER_SECONDS } from "../db/is-database-unavailable";
import { formatMessage } from "../i18n/format-message";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { HOSTED_MESSAGE_CATALOG, hostedMessage, type HostedMessageKey } from "./hosted-messages";
import type { PlainResponse } from "./plain-http";
import { renderMessagePage, type MessagePageInput } from "./render-message-page";

/** The page of a catalogued message (hostedMessage), with its status, in `extra.locale` (default English); `extra`: error details or a link. */
export function hostedMessagePage(key: HostedMessageKey, extra: Pick<MessagePageInput, "error" | "link" | "locale"> = {}): PlainResponse {
  const { status, title, text } = hostedMessage(key, extra.locale);
  return renderMessagePage({ status, title, message: text, ...extra });
}

/** The friendly pages of the hosted flow, for what cannot be sent back to an app, in `locale` (default English). */
export const hostedErrorPages = {
  /** unknown, expired or already finished sign-in request */
  expired: (locale?: Locale): PlainResponse => hostedMessagePage("expired", { locale }),
  /** the form or resume step does not come from the browser that started the request */
  csrf: (locale?: Locale): PlainResponse => hostedMessagePage("csrf", { locale }),
  /**
   * the database is down, frozen or out of connections: nothing happened, the same step can be
   * tried again (`retryPath`: a same-origin relative path for a "Try again" link, see safeRetryPath)
   */
  unavailable: (retryPath: string | null = null, locale: Locale = DEFAULT_LOCALE): PlainResponse => {
    const link = retryPath ? { link: { href: retryPath, label: formatMessage(HOSTED_MESSAGE_CATALOG, locale, "page.tryAgain") } } : {};
    const page = hostedMessagePage("unavailable", { ...link, locale });
    return { ...page, headers: { ...page.headers, "Retry-After": String(RETRY_AFTER_SECONDS) } };
  },
  /** anything unexpected */
  serverError: (locale?: Locale): PlainResponse => hostedMessagePage("serverError", { locale }),
};
