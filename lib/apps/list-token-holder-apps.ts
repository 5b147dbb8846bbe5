import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";
import { listLiveRefreshTokenClients } from "../oauth/tokens/list-live-refresh-token-clients";

/** The apps that hold refresh tokens of this server that still work at `now`, by label then client_id. */
export async function listTokenHolderApps(db: Db, authServerId: string, now: Date): Promise<App[]> {
  const clientIds = await listLiveRefreshTokenClients(db, authServerId, now);
  return clientIds.length ? db.app.findMany({ where: { clientId: { in: clientIds } }, orderBy: [{ label: "asc" }, { clientId: "asc" }] }) : [];
}
