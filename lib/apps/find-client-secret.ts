import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";
import { findApp } from "./find-app";

/** The app and one of its client secrets, or E0000007 for either. */
export async function findClientSecret(db: Db | DbTx, appId: string, secretId: string) {
  const app = await findApp(db, appId);
  const secret = await db.clientSecret.findFirst({ where: { id: secretId, appId: app.id } });
  if (!secret) throw notFoundError(secretId, "OAuth2ClientSecret");
  return { app, secret };
}
