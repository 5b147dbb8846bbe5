import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The app with this client_id, or E0000007 (the DCR API and the authorization server's clients name apps by client_id). */
export async function findAppByClientId(db: Db | DbTx, clientId: string) {
  const app = await db.app.findUnique({ where: { clientId } });
  if (!app) throw notFoundError(clientId, "AppInstance");
  return app;
}
