import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The app with this id, or E0000007. */
export async function findApp(db: Db | DbTx, appId: string) {
  const app = await db.app.findUnique({ where: { id: appId } });
  if (!app) throw notFoundError(appId, "AppInstance");
  return app;
}
