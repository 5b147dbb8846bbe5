import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { revokeClientGrants } from "../oauth/tokens/revoke-client-grants";

/**
 * Activates or deactivates an app, recorded in the same transaction. Deactivating revokes the
 * client's refresh tokens and codes and drops its pending /authorize requests; lastUpdated moves,
 * so access tokens issued before it stop introspecting as active. Setting the status the app
 * already has writes and records nothing.
 */
export async function setAppStatus(db: Db, input: { app: App; status: "ACTIVE" | "INACTIVE"; now: Date }, record: RecordChange): Promise<void> {
  const { app, status, now } = input;
  if (app.status === status) return;
  await db.$transaction(async (tx) => {
    await tx.app.update({ where: { id: app.id }, data: { status, lastUpdated: now } });
    if (status === "INACTIVE") {
      await revokeClientGrants(tx, app.clientId, now);
      await tx.pendingAuthorization.deleteMany({ where: { clientId: app.clientId } });
    }
    await record(tx);
  });
}
