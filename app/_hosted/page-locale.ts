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

/** pageLocale, or Accept-Language alone when the database cannot be read (the page itself then shows the 503 page). */
async function pageLocaleOrBrowser(requestId: string | null): Promise<Locale> {
  try {
    return await pageLocale(requestId);
  } catch {
    return negotiateLocale({ acceptLanguage: (await headers()).get("accept-language") });
  }
}

/** The language of a page outside any sign-in (the home page, the 404 page): Accept-Language, then the org default; never fails. */
export function browserPageLocale(): Promise<Locale> {
  return pageLocaleOrBrowser(null);
}

/**
 * `<html lang>` of the page being rendered: a hosted page's language (its request id comes from
 * proxy.ts, HOSTED_PAGE_REQUEST_HEADER; the home page's too, without one), English for every other
 * page. Never fails.
 */
export async function htmlLang(): Promise<Locale> {
  const requestId = (await headers()).get(HOSTED_PAGE_REQUEST_HEADER);
  return requestId === null ? DEFAULT_LOCALE : pageLocaleOrBrowser(requestId || null);
}
