import type { Db } from "../db/create-db-client";
import type { Prisma } from "../db/generated/sqlite/client";
import { API_TOKEN_OWNER_SELECT } from "./find-api-token";
import { liveApiTokenWhere } from "./live-api-token-where";

/**
 * Up to `take` live tokens (with their owners) with id > `after`, ordered by id (the keyset
 * fetchPage expects), every owner's or, with `userId`, that user's only. `q` (lower case; empty:
 * every token) matches the start of the name or of the clientName, ignoring case.
 */
export async function listLiveApiTokens(db: Db, query: { q: string; now: Date; userId?: string }, take: number, after: string | null) {
  const { q, now, userId } = query;
  const where: Prisma.ApiTokenWhereInput = { AND: [liveApiTokenWhere(now), ...(userId ? [{ userId }] : []), ...(after ? [{ id: { gt: after } }] : [])] };
  const rows = await db.apiToken.findMany({ where, orderBy: { id: "asc" }, include: { user: { select: API_TOKEN_OWNER_SELECT } }, ...(q ? {} : { take }) });
  return q ? rows.filter((t) => t.name.toLowerCase().startsWith(q) || t.clientName.toLowerCase().startsWith(q)).slice(0, take) : rows;
}
