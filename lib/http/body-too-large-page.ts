import { negotiateLocale } from "../i18n/negotiate-locale";
import { hostedMessagePage } from "./hosted-error-pages";
import type { PlainRequest, PlainResponse } from "./plain-http";

/** A form post larger than any hosted form can be (RFC 9110 15.5.14 413), as a page a person can read, in Accept-Language's language (the body is unread). */
export function bodyTooLargePage(request?: Pick<PlainRequest, "headers">): PlainResponse {
  const page = hostedMessagePage("tooLarge", { locale: negotiateLocale({ acceptLanguage: request?.headers.get("accept-language") }) });
  return { ...page, headers: { ...page.headers, Connection: "close" } };
}
