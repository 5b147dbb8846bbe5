import type { Db } from "../db/create-db-client";
import type { ConsentScopeText } from "./describe-consent-scopes";

/** What a user consented to one app on one authorization server: the scopes, with the server's words for them. */
export type UserConsent = {
  clientId: string;
  authServerId: string;
  /** the app's label (its client id when the app is gone) */
  appLabel: string;
  /** granted scopes, in name order; displayName and description from the server's scope, null when it has none (or the scope is gone) */
  scopes: ConsentScopeText[];
  /** when the first of them was granted, and when one was last granted again */
  created: Date;
  lastUpdated: Date;
};

/** The apps a user has granted consent to (My Account's Apps), by app label. */
export async function listUserConsents(db: Db, userId: string): Promise<UserConsent[]> {
  const grants = await db.consentGrant.findMany({ where: { userId }, orderBy: [{ clientId: "asc" }, { authServerId: "asc" }, { scope: "asc" }] });
  if (grants.length === 0) return [];
  const clientIds = [...new Set(grants.map((grant) => grant.clientId))];
  const [apps, scopes] = await Promise.all([
    db.app.findMany({ where: { clientId: { in: clientIds } }, select: { clientId: true, label: true } }),
    db.scope.findMany({ where: { authServerId: { in: [...new Set(grants.map((grant) => grant.authServerId))] }, name: { in: [...new Set(grants.map((grant) => grant.scope))] } }, select: { authServerId: true, name: true, displayName: true, description: true, system: true } }),
  ]);
  const appOf = new Map(apps.map((app) => [app.clientId, app]));
  const scopeOf = new Map(scopes.map((scope) => [`${scope.authServerId} ${scope.name}`, scope]));
  const byPair = new Map<string, UserConsent>();
  for (const grant of grants) {
    const key = `${grant.clientId} ${grant.authServerId}`;
    let consent = byPair.get(key);
    if (!consent) {
      const app = appOf.get(grant.clientId);
      consent = { clientId: grant.clientId, authServerId: grant.authServerId, appLabel: app?.label ?? grant.clientId, scopes: [], created: grant.created, lastUpdated: grant.lastUpdated };
      byPair.set(key, consent);
    }
    const text = scopeOf.get(`${grant.authServerId} ${grant.scope}`);
    consent.scopes.push({ name: grant.scope, displayName: text?.displayName ?? null, description: text?.description ?? null, system: text?.system ?? false });
    if (grant.created < consent.created) consent.created = grant.created;
    if (grant.lastUpdated > consent.lastUpdated) consent.lastUpdated = grant.lastUpdated;
  }
  return [...byPair.values()].sort((a, b) => a.appLabel.localeCompare(b.appLabel) || a.authServerId.localeCompare(b.authServerId));
}
