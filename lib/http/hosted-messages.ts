/** A message a person reads on a hosted page: its HTTP status, title and text. */
export type HostedMessage = { status: number; title: string; text: string };

/**
 * Every message of the hosted flow that stands on a page of its own (what cannot go back to an
 * app), written once: the pages rendered as strings (hostedErrorPages, bodyTooLargePage, the
 * /authorize error pages) and the React pages (app/_hosted/hosted-notice: /signin, /consent) both
 * read it, so the same situation reads the same wherever it is detected.
 */
export const HOSTED_MESSAGES = {
  /** unknown, expired or already finished sign-in request */
  expired: {
    status: 400,
    title: "This sign-in link has expired",
    text: "Sign-in requests are valid for 10 minutes and can be used once. Go back to the application and sign in again.",
  },
  /** the form or resume step does not come from the browser that started the request */
  csrf: {
    status: 403,
    title: "We could not verify this request",
    text: "This sign-in request was started in another browser or its cookies were removed. Go back to the application and sign in again.",
  },
  /** the database is down, frozen or out of connections: nothing happened, the same step can be tried again */
  unavailable: {
    status: 503,
    title: "Service temporarily unavailable",
    text: "We could not complete this step right now. Nothing was changed: wait a few seconds, then reload this page or go back to the application and try again.",
  },
  /** anything unexpected */
  serverError: {
    status: 500,
    title: "Something went wrong",
    text: "The server could not complete the request. Try again in a moment, or go back to the application.",
  },
  /** a form post larger than any hosted form can be (RFC 9110 15.5.14) */
  tooLarge: {
    status: 413,
    title: "This request is too large",
    text: "The form sent more data than a sign-in page accepts. Go back to the application and sign in again.",
  },
  /** /authorize: an unknown client or an unregistered redirect URI (never redirected to) */
  invalidAuthorizeRequest: {
    status: 400,
    title: "This application's sign-in request is not valid",
    text: "The application sent a request this server cannot accept, so you cannot be sent back to it. Contact the application's owner.",
  },
  /** the resume step: the app was deactivated or its redirect URI removed during the sign-in */
  appChangedDuringSignin: {
    status: 400,
    title: "This application's sign-in request is not valid",
    text: "The application changed while you were signing in. Go back to the application and sign in again.",
  },
} as const satisfies Record<string, HostedMessage>;

export type HostedMessageKey = keyof typeof HOSTED_MESSAGES;
