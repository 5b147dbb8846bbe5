import type { Db } from "../db/create-db-client";
import type { Locale } from "../i18n/locales";
import { negotiateLocale } from "../i18n/negotiate-locale";
import { readOrgSettings } from "./read-org-settings";

/**
 * The language to speak to a person (negotiateLocale): the first supported tag of `uiLocales`
 * (OIDC Core 3.1.2.1 ui_locales, as the app asked), then of Accept-Language, then the org setting
 * `defaultLocale` (read live, as every setting).
 */
export async function negotiateOrgLocale(db: Db, input: { uiLocales?: string | null; acceptLanguage?: string | null }): Promise<Locale> {
  const { defaultLocale } = await readOrgSettings(db);
  return negotiateLocale({ uiLocales: input.uiLocales, acceptLanguage: input.acceptLanguage, orgDefault: defaultLocale });
}
