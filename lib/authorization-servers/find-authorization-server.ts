import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The server named in the path, or E0000007. */
export async function findAuthorizationServer(db: Db | DbTx, id: string) {
  const server = await db.authorizationServer.findUnique({ where: { id } });
  if (!server) throw notFoundError(id, "AuthorizationServer");
  return server;
}
