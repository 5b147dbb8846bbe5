import type { Db } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The app's grant `grantId` (another app's is not found), or E0000007. */
export async function findAppScopeGrant(db: Db, appId: string, grantId: string) {
  const grant = await db.appScopeGrant.findFirst({ where: { id: grantId, appId } });
  if (!grant) throw notFoundError(grantId, "OAuth2ScopeConsentGrant");
  return grant;
}
