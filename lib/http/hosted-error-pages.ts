import { RETRY_AFTER_SECONDS } from "../db/is-database-unavailable";
import { HOSTED_MESSAGES, type HostedMessageKey } from "./hosted-messages";
import type { PlainResponse } from "./plain-http";
import { renderMessagePage, type MessagePageInput } from "./render-message-page";

/** The page of a catalogued message (HOSTED_MESSAGES), with its status; `extra`: error details or a link. */
export function hostedMessagePage(key: HostedMessageKey, extra: Pick<MessagePageInput, "error" | "link"> = {}): PlainResponse {
  const { status, title, text } = HOSTED_MESSAGES[key];
  return renderMessagePage({ status, title, message: text, ...extra });
}

/** The friendly pages of the hosted flow, for what cannot be sent back to an app. */
export const hostedErrorPages = {
  /** unknown, expired or already finished sign-in request */
  expired: (): PlainResponse => hostedMessagePage("expired"),
  /** the form or resume step does not come from the browser that started the request */
  csrf: (): PlainResponse => hostedMessagePage("csrf"),
  /**
   * the database is down, frozen or out of connections: nothing happened, the same step can be
   * tried again (`retryPath`: a same-origin relative path for a "Try again" link, see safeRetryPath)
   */
  unavailable: (retryPath: string | null = null): PlainResponse => {
    const page = hostedMessagePage("unavailable", retryPath ? { link: { href: retryPath, label: "Try again" } } : {});
    return { ...page, headers: { ...page.headers, "Retry-After": String(RETRY_AFTER_SECONDS) } };
  },
  /** anything unexpected */
  serverError: (): PlainResponse => hostedMessagePage("serverError"),
};
