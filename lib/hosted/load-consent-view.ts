import type { Db } from "../db/create-db-client";
import { loadActiveClient } from "../apps/load-active-client";
import { describeConsentScopes } from "../consents/describe-consent-scopes";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { loadPendingAuthorization } from "../pending-authorizations/load-pending-authorization";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";
import { consentScopeTexts, type ConsentScope } from "./consent-scope-texts";
import { pendingFormToken } from "./hosted-form-token";
import { safeLogoUri } from "./load-signin-view";

export type { ConsentScope } from "./consent-scope-texts";

export type ConsentView =
  | { ok: true; requestId: string; appLabel: string; logoUri: string | null; login: string; scopes: ConsentScope[]; csrfToken: string }
  | { ok: false; reason: "expired" | "csrf" | "signin"; requestId?: string };

/**
 * What the consent page shows for `/consent?request=<id>`, in `locale` (default English): the app, the signed-in
 * user and the scopes the request needs consent for, in plain words (consentScopeTexts: the
 * well-known scopes' translated texts, else the admin's display name and description). Without a
 * session the user is sent to sign in first (`reason: "signin"`).
 */
export async function loadConsentView(db: Db, input: { requestId: string | null; cookieHeader: string | null; secretsKey: Buffer; now: Date; locale?: Locale }): Promise<ConsentView> {
  const pending = await loadPendingAuthorization(db, input.requestId, input.now);
  if (!pending || !pending.state.consentScopes?.length) return { ok: false, reason: "expired" };
  const client = await loadActiveClient(db, pending.clientId);
  if (!client) return { ok: false, reason: "expired" };
  const csrfToken = pendingFormToken(input.secretsKey, pending, input.cookieHeader);
  if (!csrfToken) return { ok: false, reason: "csrf" };
  const session = await readSession(db, readSessionCookie(input.cookieHeader), input.now);
  if (!session) return { ok: false, reason: "signin", requestId: pending.id };
  const names = pending.state.consentScopes;
  const rows = await describeConsentScopes(db, { authServerId: pending.authServerId, names });
  return {
    ok: true,
    requestId: pending.id,
    appLabel: client.label,
    logoUri: safeLogoUri(client.logoUri),
    login: session.login,
    scopes: consentScopeTexts(names, rows, { locale: input.locale ?? DEFAULT_LOCALE, appLabel: client.label }),
    csrfToken,
  };
}
