import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The app whose client_id the path names, or E0000007 (Okta answers 404s of this API in its own shape). */
export async function findClient(db: Db | DbTx, clientId: string) {
  const app = await db.app.findUnique({ where: { clientId } });
  if (!app) throw notFoundError(clientId, "AppInstance");
  return app;
}
