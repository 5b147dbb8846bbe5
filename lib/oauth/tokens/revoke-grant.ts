import type { DbTx } from "../../db/create-db-client";
import { grantRevocationKey, MAX_ACCESS_TOKEN_LIFETIME_MS } from "./access-token-id";
import { lockRefreshTokenFamily } from "./lock-refresh-token-family";

/**
 * Revokes everything one grant issued (RFC 9700 4.14 / RFC 6749 10.5): every refresh token of its
 * family, and, through one marker row, every access token whose jti carries the grant id. Used for
 * refresh-token revocation and reuse, and for a replayed authorization code. Idempotent.
 *
 * The family's lock comes first (lockRefreshTokenFamily), so a rotation running at the same time
 * either commits before the sweep starts (and the sweep revokes what it minted) or waits and finds
 * the family revoked: no token minted from the family outlives this, on any instance.
 */
export async function revokeGrant(tx: DbTx, authServerId: string, grantId: string, now: Date): Promise<void> {
  await lockRefreshTokenFamily(tx, grantId, now);
  await tx.refreshTokenFamily.update({ where: { id: grantId }, data: { revoked: now } });
  await tx.refreshToken.updateMany({ where: { familyId: grantId, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
  const key = grantRevocationKey(grantId);
  const expiresAt = new Date(now.getTime() + MAX_ACCESS_TOKEN_LIFETIME_MS);
  await tx.revokedAccessToken.upsert({ where: { jti: key }, create: { jti: key, authServerId, expiresAt, created: now }, update: { expiresAt } });
}
