import type { Db } from "../../db/create-db-client";
import { liveRefreshTokenWhere } from "./live-refresh-token-where";

/** A refresh token of this server and client that still works at `now` (liveRefreshTokenWhere), with its family; or null. */
export async function findLiveRefreshToken(db: Db, query: { authServerId: string; clientId: string; tokenId: string; now: Date }) {
  return db.refreshToken.findFirst({ where: { ...liveRefreshTokenWhere(query.authServerId, query.now, query.clientId), id: query.tokenId }, include: { family: true } });
}
