import type { Db } from "../db/create-db-client";
import type { Locale } from "../i18n/locales";
import { negotiateOrgLocale } from "../org-settings/negotiate-org-locale";
import { loadPendingAuthorization } from "../pending-authorizations/load-pending-authorization";

/**
 * The language of a hosted page (negotiateOrgLocale): the authorization request's `ui_locales`
 * (OIDC Core 3.1.2.1, kept with the pending authorization `requestId`, so every page of that
 * sign-in speaks it), then the user's profile `locale` when the page knows the user (a reset or
 * welcome link's), then the browser's Accept-Language, then the org setting `defaultLocale`.
 */
export async function resolveHostedLocale(db: Db, input: { requestId: string | null; profileLocale?: string | null; acceptLanguage: string | null; now: Date }): Promise<Locale> {
  const pending = input.requestId ? await loadPendingAuthorization(db, input.requestId, input.now) : null;
  return negotiateOrgLocale(db, { uiLocales: pending?.state.params.uiLocales, profileLocale: input.profileLocale, acceptLanguage: input.acceptLanguage });
}
