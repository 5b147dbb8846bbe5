import type { Db } from "../db/create-db-client";
import type { Locale } from "../i18n/locales";
import { negotiateLocale } from "../i18n/negotiate-locale";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { loadPendingAuthorization } from "../pending-authorizations/load-pending-authorization";

/**
 * The language of a hosted page or answer (negotiateLocale): the authorization request's
 * `ui_locales` (OIDC Core 3.1.2.1, kept with the pending authorization, so every page of that
 * sign-in speaks it), then the browser's Accept-Language, then the org setting `defaultLocale`.
 * `uiLocales` when the caller has them (a loaded pending request, a logout's parameter), else
 * `requestId` names the pending authorization to read them from (a page's `?request=`).
 */
export async function resolveHostedLocale(
  db: Db,
  input: { uiLocales?: string | null; requestId?: string | null; acceptLanguage: string | null; now: Date },
): Promise<Locale> {
  let uiLocales = input.uiLocales ?? null;
  if (uiLocales === null && input.requestId) uiLocales = (await loadPendingAuthorization(db, input.requestId, input.now))?.state.params.uiLocales ?? null;
  const { defaultLocale } = await readOrgSettings(db);
  return negotiateLocale({ uiLocales, acceptLanguage: input.acceptLanguage, orgDefault: defaultLocale });
}
