import type { Db } from "../db/create-db-client";

/** An app's okta.* scope grants, oldest first (by the index of the unique appId + scopeId). */
export function listAppScopeGrants(db: Db, appId: string) {
  return db.appScopeGrant.findMany({ where: { appId }, orderBy: [{ created: "asc" }, { id: "asc" }] });
}
