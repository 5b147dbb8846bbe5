import type { Db } from "../db/create-db-client";
import { ORG_AUTH_SERVER_ID } from "../oauth/snapshot/org-authorization-server";

/** How many custom authorization servers the org has, whatever their status (the org authorization server is not counted). */
export function countAuthorizationServers(db: Db): Promise<number> {
  return db.authorizationServer.count({ where: { id: { not: ORG_AUTH_SERVER_ID } } });
}
