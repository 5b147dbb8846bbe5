import { RETRY_AFTER_SECONDS } from "../db/is-database-unavailable";
import type { PlainResponse } from "./plain-http";
import { renderMessagePage } from "./render-message-page";

/** The friendly pages of the hosted flow, for what cannot be sent back to an app. */
export const hostedErrorPages = {
  /** unknown, expired or already finished sign-in request */
  expired: (): PlainResponse =>
    renderMessagePage({
      status: 400,
      title: "This sign-in link has expired",
      message: "Sign-in requests are valid for 10 minutes and can be used once. Go back to the application and sign in again.",
    }),
  /** the form or resume step does not come from the browser that started the request */
  csrf: (): PlainResponse =>
    renderMessagePage({
      status: 403,
      title: "We could not verify this request",
      message: "This sign-in request was started in another browser or its cookies were removed. Go back to the application and sign in again.",
    }),
  /**
   * the database is down, frozen or out of connections: nothing happened, the same step can be
   * tried again (`retryPath`: a same-origin relative path for a "Try again" link, see safeRetryPath)
   */
  unavailable: (retryPath: string | null = null): PlainResponse => {
    const page = renderMessagePage({
      status: 503,
      title: "Service temporarily unavailable",
      message: "We could not complete this step right now. Nothing was changed: wait a few seconds, then reload this page or go back to the application and try again.",
      ...(retryPath ? { link: { href: retryPath, label: "Try again" } } : {}),
    });
    return { ...page, headers: { ...page.headers, "Retry-After": String(RETRY_AFTER_SECONDS) } };
  },
  /** anything unexpected */
  serverError: (): PlainResponse =>
    renderMessagePage({ status: 500, title: "Something went wrong", message: "The server could not complete the request. Try again in a moment, or go back to the application." }),
};
