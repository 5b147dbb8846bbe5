import type { DbTx } from "../db/create-db-client";

/**
 * Implicit revocation when a user is deactivated, suspended, locked or deleted (spec: Troubleshooting,
 * "Revocation happens when ... user deactivation or deletion"): refresh tokens are revoked, unused
 * codes and one-time session tokens deleted, sessions ended. Access tokens are JWTs: the token
 * service treats any access token issued before the user's `statusChanged` (or for a user who is
 * not ACTIVE) as inactive, so they die too, on every instance, without a list of their ids.
 */
export async function revokeUserGrants(tx: DbTx, userId: string, now: Date): Promise<void> {
  await tx.refreshToken.updateMany({ where: { userId, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
  await tx.authorizationCode.deleteMany({ where: { userId } });
  await tx.sessionToken.deleteMany({ where: { userId } });
  await tx.userSession.updateMany({ where: { userId, revoked: null }, data: { revoked: now } });
}
