import type { Db } from "../db/create-db-client";

/** How many authorization servers the org has, whatever their status. */
export function countAuthorizationServers(db: Db): Promise<number> {
  return db.authorizationServer.count();
}
