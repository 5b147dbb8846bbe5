import type { Db, DbTx } from "../db/create-db-client";
import type { NetworkZone } from "../db/generated/sqlite/client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The network zone with this id, or E0000007 (Zone). */
export async function findNetworkZone(db: Db | DbTx, id: string): Promise<NetworkZone> {
  const zone = await db.networkZone.findUnique({ where: { id } });
  if (!zone) throw notFoundError(id, "Zone");
  return zone;
}
