import type { Db } from "../../db/create-db-client";
import { liveRefreshTokenWhere } from "./live-refresh-token-where";

/** The client_ids that hold refresh tokens of this server that still work at `now` (liveRefreshTokenWhere), each once. */
export async function listLiveRefreshTokenClients(db: Db, authServerId: string, now: Date): Promise<string[]> {
  const { family, ...token } = liveRefreshTokenWhere(authServerId, now);
  const holders = await db.refreshTokenFamily.findMany({ where: { ...family, tokens: { some: token } }, distinct: ["clientId"], select: { clientId: true } });
  return holders.map((holder) => holder.clientId);
}
