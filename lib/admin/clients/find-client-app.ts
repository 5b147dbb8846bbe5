import { findAppByClientId } from "../../apps/find-app-by-client-id";
import type { Db } from "../../db/create-db-client";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";

/** The server and the app (by client_id) named in the path, or E0000007. */
export async function findClientApp(db: Db, authServerId: string, clientId: string) {
  const server = await findAuthorizationServer(db, authServerId);
  const app = await findAppByClientId(db, clientId);
  return { server, app };
}
