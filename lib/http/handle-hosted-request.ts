import type { AppContext } from "../app-context";
import { isDatabaseUnavailable, unavailableReason } from "../db/is-database-unavailable";
import { negotiateLocale } from "../i18n/negotiate-locale";
import type { PlainRequest } from "./plain-http";
import { hostedErrorPages } from "./hosted-error-pages";
import type { HostedResponse } from "./hosted-response";

export type HostedOperation = (app: AppContext, request: PlainRequest) => Promise<HostedResponse>;

/**
 * The pipeline of /authorize and the hosted pages' form posts: run the operation; the database
 * being unavailable becomes the 503 "try again" page (Retry-After), anything else unexpected a
 * generic error page, the cause in the server log only. No CORS: these are browser navigations.
 * Those two pages read no database, so their language comes from the request alone (ui_locales in
 * the query, else Accept-Language), not the org default.
 */
export async function handleHostedRequest(app: AppContext, request: PlainRequest, operation: HostedOperation): Promise<HostedResponse> {
  try {
    return await operation(app, request);
  } catch (error) {
    const locale = negotiateLocale({ uiLocales: request.url.searchParams.get("ui_locales"), acceptLanguage: request.headers.get("accept-language") });
    if (isDatabaseUnavailable(error)) {
      console.warn(`[hosted] ${request.method} ${request.url.pathname}: database unavailable (${unavailableReason(error)})`);
      return hostedErrorPages.unavailable(null, locale);
    }
    console.error(`[hosted] ${request.method} ${request.url.pathname} failed:`, error);
    return hostedErrorPages.serverError(locale);
  }
}
