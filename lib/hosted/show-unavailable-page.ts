import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { hostedErrorPages } from "../http/hosted-error-pages";
import { negotiateLocale } from "../i18n/negotiate-locale";
import type { HostedResponse } from "../http/hosted-response";
import { safeRetryPath } from "./return-to";

/**
 * GET /unavailable?retry=<path>: the 503 "try again" page (Retry-After) for the pages Next.js
 * renders (/signin, /consent, /admin), which send the browser here when their data cannot be read
 * for want of the database: Next.js cannot answer 503 from a render. Its "Try again" link goes
 * back only to a same-origin path of those pages (safeRetryPath), else there is none: never an
 * open redirect. Reads no database: its language is Accept-Language's (not the org default's).
 */
export async function showUnavailablePage(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const locale = negotiateLocale({ acceptLanguage: request.headers.get("accept-language") });
  return hostedErrorPages.unavailable(safeRetryPath(request.url.searchParams.get("retry"), app.orgUrl), locale);
}
