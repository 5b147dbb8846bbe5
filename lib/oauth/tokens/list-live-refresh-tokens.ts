import type { Db } from "../../db/create-db-client";
import { liveRefreshTokenWhere } from "./live-refresh-token-where";

/**
 * The refresh tokens of this server and client that still work at `now` (liveRefreshTokenWhere),
 * with their families: `take` of them by id, after the token id `after`.
 */
export async function listLiveRefreshTokens(db: Db, query: { authServerId: string; clientId: string; now: Date; take: number; after: string | null }) {
  const where = liveRefreshTokenWhere(query.authServerId, query.now, query.clientId);
  return db.refreshToken.findMany({ where: query.after ? { ...where, id: { gt: query.after } } : where, orderBy: { id: "asc" }, take: query.take, include: { family: true } });
}
