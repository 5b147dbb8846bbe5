import type { DbTx } from "../db/create-db-client";

/**
 * Implicit revocation when an app is deactivated, changed or deleted (spec: Troubleshooting):
 * every refresh token and unused code of its client_id dies. Access tokens are JWTs: the token
 * service treats any access token issued before the app's `lastUpdated`, or for an app that is not
 * ACTIVE, as inactive.
 */
export async function revokeClientGrants(tx: DbTx, clientId: string, now: Date): Promise<void> {
  await tx.refreshToken.updateMany({ where: { clientId, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
  await tx.authorizationCode.deleteMany({ where: { clientId } });
}
