import type { PlainResponse } from "./plain-http";
import { renderMessagePage } from "./render-message-page";

/** A form post larger than any hosted form can be (RFC 9110 15.5.14 413), as a page a person can read. */
export function bodyTooLargePage(): PlainResponse {
  const page = renderMessagePage({
    status: 413,
    title: "This request is too large",
    message: "The form sent more data than a sign-in page accepts. Go back to the application and sign in again.",
  });
  return { ...page, headers: { ...page.headers, Connection: "close" } };
}
