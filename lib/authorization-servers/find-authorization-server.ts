import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";
import { isOrgAuthServer } from "../oauth/snapshot/org-authorization-server";

/**
 * The server named in the path, or E0000007. The org authorization server is not one: Okta's
 * management API lists and edits custom servers only, so it is never found (nor anything under it).
 */
export async function findAuthorizationServer(db: Db | DbTx, id: string) {
  const server = isOrgAuthServer(id) ? null : await db.authorizationServer.findUnique({ where: { id } });
  if (!server) throw notFoundError(id, "AuthorizationServer");
  return server;
}
