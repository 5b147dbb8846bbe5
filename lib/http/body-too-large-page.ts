import { hostedMessagePage } from "./hosted-error-pages";
import type { PlainResponse } from "./plain-http";

/** A form post larger than any hosted form can be (RFC 9110 15.5.14 413), as a page a person can read. */
export function bodyTooLargePage(): PlainResponse {
  const page = hostedMessagePage("tooLarge");
  return { ...page, headers: { ...page.headers, Connection: "close" } };
}
