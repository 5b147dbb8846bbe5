import type { Db } from "../db/create-db-client";
import { CLIENT_GRANTS, toOAuthClient, type OAuthClient } from "./oauth-client";

/** The client named by `client_id` whatever its status (ACTIVE or not), or null when there is none. */
export async function loadClient(db: Db, clientId: string): Promise<OAuthClient | null> {
  const app = await db.app.findUnique({ where: { clientId }, include: CLIENT_GRANTS });
  return app ? toOAuthClient(app) : null;
}
