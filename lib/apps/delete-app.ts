import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { revokeClientGrants } from "../oauth/tokens/revoke-client-grants";

/**
 * Deletes an app and what hangs on its client_id, recorded in the same transaction: refresh tokens
 * are revoked and codes deleted (revokeClientGrants), pending /authorize requests and consents go;
 * secrets and assignments cascade. Whether the app may be deleted (the Apps API wants it INACTIVE)
 * is the caller's rule. "gone" when a concurrent request deleted it first (nothing changed, nothing
 * recorded): the caller answers as for an unknown app.
 */
export async function deleteApp(db: Db, input: { app: App; now: Date }, record: RecordChange): Promise<"deleted" | "gone"> {
  const { app, now } = input;
  return db.$transaction(async (tx) => {
    // first, conditionally: a concurrent delete blocks here until the other commits, then finds nothing
    const { count } = await tx.app.deleteMany({ where: { id: app.id } });
    if (count === 0) return "gone";
    await revokeClientGrants(tx, app.clientId, now);
    await tx.pendingAuthorization.deleteMany({ where: { clientId: app.clientId } });
    await tx.consentGrant.deleteMany({ where: { clientId: app.clientId } });
    await record(tx);
    return "deleted";
  });
}
