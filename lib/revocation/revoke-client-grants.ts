import type { DbTx } from "../db/create-db-client";
import { revokeGrantsWhere } from "../oauth/tokens/revoke-grant";

/**
 * Implicit revocation when an app is deactivated, changed or deleted (spec: Troubleshooting):
 * every grant of its client_id dies (revokeGrantsWhere: under each family's lock), and every unused
 * code. Access tokens are JWTs: the token service treats any access token issued before the app's
 * `lastUpdated`, or for an app that is not ACTIVE, as inactive.
 */
export async function revokeClientGrants(tx: DbTx, clientId: string, now: Date): Promise<void> {
  await revokeGrantsWhere(tx, { clientId }, now);
  await tx.authorizationCode.deleteMany({ where: { clientId } });
}
