import type { Db } from "../../db/create-db-client";

/** A refresh token of this server and client, whatever its status: its id and family; or null. */
export async function findRefreshToken(db: Db, query: { authServerId: string; clientId: string; tokenId: string }) {
  return db.refreshToken.findFirst({
    where: { id: query.tokenId, family: { authServerId: query.authServerId, clientId: query.clientId } },
    select: { id: true, familyId: true },
  });
}
