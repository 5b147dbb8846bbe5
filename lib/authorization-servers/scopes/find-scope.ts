import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The scope named in the path, of this server only, or E0000007. */
export async function findScope(db: Db | DbTx, authServerId: string, scopeId: string) {
  const scope = await db.scope.findFirst({ where: { id: scopeId, authServerId } });
  if (!scope) throw notFoundError(scopeId, "OAuth2Scope");
  return scope;
}
