import type { DbTx } from "../../db/create-db-client";
import { revokeHolderGrants } from "./revoke-holder-grants";

/**
 * Implicit revocation when an app is deactivated, changed or deleted (spec: Troubleshooting):
 * every grant of its client_id dies with its access tokens, and every unused code
 * (revokeHolderGrants). Access tokens without a grant (client_credentials) die too: the token service
 * treats any access token issued before the app's `lastUpdated`, or for an app that is not ACTIVE,
 * as inactive.
 */
export async function revokeClientGrants(tx: DbTx, clientId: string, now: Date): Promise<void> {
  await revokeHolderGrants(tx, { clientId }, now);
}
