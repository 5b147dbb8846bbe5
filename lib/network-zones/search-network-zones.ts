import type { Db } from "../db/create-db-client";
import type { NetworkZone, Prisma } from "../db/generated/sqlite/client";

/** Up to `take` zones after the id `after`, ordered by id, that match `where` (a filter condition, or null). */
export function searchNetworkZones(db: Db, query: { where: Prisma.NetworkZoneWhereInput | null; take: number; after: string | null }): Promise<NetworkZone[]> {
  const where: Prisma.NetworkZoneWhereInput = { AND: [...(query.where ? [query.where] : []), ...(query.after ? [{ id: { gt: query.after } }] : [])] };
  return db.networkZone.findMany({ where, orderBy: { id: "asc" }, take: query.take });
}
