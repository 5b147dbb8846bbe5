import type { Db, DbTx } from "../db/create-db-client";
import { CLIENT_GRANTS, toOAuthClient, type OAuthClient } from "./oauth-client";

/**
 * The client an OAuth request names by `client_id`, or null when there is none or its app is not
 * ACTIVE (the token service answers both with the same `invalid_client`).
 */
export async function loadActiveClient(db: Db | DbTx, clientId: string): Promise<OAuthClient | null> {
  if (!clientId || clientId.length > 256) return null;
  const app = await db.app.findUnique({ where: { clientId }, include: CLIENT_GRANTS });
  return app && app.status === "ACTIVE" ? toOAuthClient(app) : null;
}
