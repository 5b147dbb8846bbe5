import type { DbTx } from "../../db/create-db-client";
import { grantRevocationKey, MAX_ACCESS_TOKEN_LIFETIME_MS } from "./access-token-id";

/**
 * Revokes everything one grant issued (RFC 9700 4.14 / RFC 6749 10.5): every refresh token of its
 * family, and, through one marker row, every access token whose jti carries the grant id. Used for
 * refresh-token revocation and reuse, and for a replayed authorization code. Idempotent.
 */
export async function revokeGrant(tx: DbTx, authServerId: string, grantId: string, now: Date): Promise<void> {
  await tx.refreshToken.updateMany({ where: { familyId: grantId, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
  const key = grantRevocationKey(grantId);
  const expiresAt = new Date(now.getTime() + MAX_ACCESS_TOKEN_LIFETIME_MS);
  await tx.revokedAccessToken.upsert({ where: { jti: key }, create: { jti: key, authServerId, expiresAt, created: now }, update: { expiresAt } });
}
