import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { revokeClientGrants } from "../oauth/tokens/revoke-client-grants";

/**
 * Deletes an app and what hangs on its client_id, recorded in the same transaction: refresh tokens
 * are revoked and codes deleted (revokeClientGrants), pending /authorize requests and consents go;
 * secrets and assignments cascade. Whether the app may be deleted (the Apps API wants it INACTIVE)
 * is the caller's rule.
 */
export async function deleteApp(db: Db, input: { app: App; now: Date }, record: RecordChange): Promise<void> {
  const { app, now } = input;
  await db.$transaction(async (tx) => {
    await revokeClientGrants(tx, app.clientId, now);
    await tx.pendingAuthorization.deleteMany({ where: { clientId: app.clientId } });
    await tx.consentGrant.deleteMany({ where: { clientId: app.clientId } });
    await tx.app.delete({ where: { id: app.id } });
    await record(tx);
  });
}
