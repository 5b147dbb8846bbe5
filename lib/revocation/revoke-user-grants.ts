import type { DbTx } from "../db/create-db-client";
import { revokeGrantsWhere } from "../oauth/tokens/revoke-grant";

/**
 * Implicit revocation when a user is deactivated, suspended, locked or deleted (spec: Troubleshooting,
 * "Revocation happens when ... user deactivation or deletion"): the user's grants are revoked
 * (revokeGrantsWhere: under each family's lock, so a rotation racing this mints nothing that
 * lasts), unused codes and one-time session tokens deleted, sessions ended. Access tokens are JWTs:
 * the token service treats any access token issued before the user's `statusChanged` (or for a
 * user who is not ACTIVE) as inactive, so they die too, on every instance, without a list of ids.
 */
export async function revokeUserGrants(tx: DbTx, userId: string, now: Date): Promise<void> {
  await revokeGrantsWhere(tx, { userId }, now);
  await tx.authorizationCode.deleteMany({ where: { userId } });
  await tx.sessionToken.deleteMany({ where: { userId } });
  await tx.userSession.updateMany({ where: { userId, revoked: null }, data: { revoked: now } });
}
