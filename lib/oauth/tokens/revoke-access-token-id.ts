import type { Db } from "../../db/create-db-client";
import { prismaErrorCode } from "../../db/prisma-error-code";

/**
 * Revokes one access token by its jti (RFC 7009): a RevokedAccessToken row until the token's own
 * `exp` (afterwards the token is dead anyway), which every instance checks on introspection and
 * userinfo. Idempotent: revoking it again changes nothing.
 */
export async function revokeAccessTokenId(db: Db, input: { jti: string; authServerId: string; expiresAt: Date; now: Date }): Promise<void> {
  const data = { jti: input.jti, authServerId: input.authServerId, expiresAt: input.expiresAt, created: input.now };
  try {
    await db.revokedAccessToken.upsert({ where: { jti: input.jti }, create: data, update: {} });
  } catch (error) {
    // a concurrent revocation of the same token inserted it first
    if (prismaErrorCode(error) !== "P2002") throw error;
  }
}
