import type { DbTx } from "../../db/create-db-client";
import type { App } from "../../db/generated/sqlite/client";
import { revokeClientGrants } from "../../oauth/tokens/revoke-client-grants";

/**
 * Deletes an app and what hangs on its client_id, in the caller's transaction: refresh tokens are
 * revoked and codes deleted (revokeClientGrants), pending /authorize requests and consents go;
 * secrets and assignments cascade.
 */
export async function removeApp(tx: DbTx, app: App, now: Date): Promise<void> {
  await revokeClientGrants(tx, app.clientId, now);
  await tx.pendingAuthorization.deleteMany({ where: { clientId: app.clientId } });
  await tx.consentGrant.deleteMany({ where: { clientId: app.clientId } });
  await tx.app.delete({ where: { id: app.id } });
}
