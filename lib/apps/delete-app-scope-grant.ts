import type { Db } from "../db/create-db-client";
import type { AppScopeGrant } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findAppScopeGrant } from "./find-app-scope-grant";

/**
 * Revokes the app's grant `grantId`: the row goes (the scope can be granted again), in one
 * transaction with `record`; the "clients" cache topic moves, so the token service stops issuing
 * the scope at once. Tokens issued before keep it until they expire (Okta's behaviour). A grant
 * that is not there (or was revoked concurrently): E0000007.
 */
export async function deleteAppScopeGrant(db: Db, input: { appId: string; grantId: string }, record: RecordChange<AppScopeGrant>): Promise<void> {
  const grant = await findAppScopeGrant(db, input.appId, input.grantId);
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.appScopeGrant.deleteMany({ where: { id: grant.id, appId: input.appId } });
    if (count === 0) return false;
    await record(tx, grant);
    return true;
  });
  if (!deleted) await findAppScopeGrant(db, input.appId, input.grantId);
}
