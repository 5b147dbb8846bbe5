import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";

/** The server and the app (by client_id) named in the path, or E0000007. */
export async function findClientApp(db: Db | DbTx, authServerId: string, clientId: string) {
  const server = await findAuthorizationServer(db, authServerId);
  const app = await db.app.findUnique({ where: { clientId } });
  if (!app) throw notFoundError(clientId, "AppInstance");
  return { server, app };
}
