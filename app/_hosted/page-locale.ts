import { headers } from "next/headers";
import { cache } from "react";
import { getAppContext } from "@/lib/app-context";
import { resolveHostedLocale } from "@/lib/hosted/resolve-hosted-locale";
import { negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { HOSTED_PAGE_REQUEST_HEADER } from "@/lib/http/hosted-page-request-header";

/**
 * The language of a hosted page (resolveHostedLocale: the request's ui_locales, Accept-Language,
 * the org default), once per request: the root layout (`<html lang>`), generateMetadata and the
 * page share it (React cache). `profileLocale`: the user's, on a page that knows the user.
 */
export const pageLocale = cache(async (requestId: string | null, profileLocale?: string | null): Promise<Locale> => {
  const app = getAppContext();
  return resolveHostedLocale(app.db, { requestId, profileLocale, acceptLanguage: (await headers()).get("accept-language"), now: app.now() });
});

/**
 * `<html lang>` of the page being rendered: a hosted page's language (its request id comes from
 * proxy.ts, HOSTED_PAGE_REQUEST_HEADER), English for every other page. Never fails: when the
 * database cannot be read, Accept-Language alone decides (the page itself then shows the 503 page).
 */
export async function htmlLang(): Promise<Locale> {
  const requestHeaders = await headers();
  const requestId = requestHeaders.get(HOSTED_PAGE_REQUEST_HEADER);
  if (requestId === null) return DEFAULT_LOCALE;
  try {
    return await pageLocale(requestId || null);
  } catch {
    return negotiateLocale({ acceptLanguage: requestHeaders.get("accept-language") });
  }
}
