import type { DbTx } from "../../db/create-db-client";
import { revokeHolderGrants } from "./revoke-holder-grants";

/**
 * Implicit revocation when a user is deactivated, suspended, locked or deleted (spec: Troubleshooting,
 * "Revocation happens when ... user deactivation or deletion"): the user's grants die with their
 * access tokens and unused codes (revokeHolderGrants: under each family's lock, so a rotation racing
 * this mints nothing that lasts), one-time session tokens are deleted, sessions ended. Every other
 * access token of the user dies too: the token service treats any access token issued before the
 * user's `statusChanged` (or for a user who is not ACTIVE) as inactive, on every instance.
 */
export async function revokeUserGrants(tx: DbTx, userId: string, now: Date): Promise<void> {
  await revokeHolderGrants(tx, { userId }, now);
  await tx.sessionToken.deleteMany({ where: { userId } });
  await tx.userSession.updateMany({ where: { userId, revoked: null }, data: { revoked: now } });
}
