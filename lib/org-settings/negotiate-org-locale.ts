import type { Db, DbTx } from "../db/create-db-client";
import type { Locale } from "../i18n/locales";
import { negotiateLocale } from "../i18n/negotiate-locale";
import { readOrgSettings } from "./read-org-settings";

/** What may choose the language: the app's request, the user's profile, the browser. */
export type LocaleHints = { uiLocales?: string | null; profileLocale?: string | null; acceptLanguage?: string | null };

/**
 * The language to speak to a person, the one negotiation of every hosted page and email: the first
 * supported tag of `uiLocales` (OIDC Core 3.1.2.1 ui_locales, as the app asked), then the user's
 * profile `locale` (Okta's `de_DE` form or a BCP 47 tag), then Accept-Language (RFC 9110 12.5.4;
 * pages, and emails a person's own request sends), then the org setting `defaultLocale` (read live,
 * as every setting).
 */
export async function negotiateOrgLocale(db: Db | DbTx, hints: LocaleHints): Promise<Locale> {
  const { defaultLocale } = await readOrgSettings(db);
  return negotiateWithDefault(hints, defaultLocale);
}

/** negotiateOrgLocale with the org default at hand (a page that already read the settings). */
export function negotiateWithDefault(hints: LocaleHints, orgDefault: string | null | undefined): Locale {
  const preferred = [hints.uiLocales, hints.profileLocale?.replace(/_/g, "-")].filter((tags): tags is string => Boolean(tags)).join(" ");
  return negotiateLocale({ uiLocales: preferred, acceptLanguage: hints.acceptLanguage, orgDefault });
}
