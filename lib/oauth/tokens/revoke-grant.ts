import type { DbTx } from "../../db/create-db-client";
import type { Prisma } from "../../db/generated/sqlite/client";
import { grantRevocationKey, MAX_ACCESS_TOKEN_LIFETIME_MS } from "./access-token-id";
import { lockRefreshTokenFamily } from "./lock-refresh-token-family";

/**
 * Revokes everything one grant issued (RFC 9700 4.14 / RFC 6749 10.5): every refresh token of its
 * family, and, through one marker row, every access token whose jti carries the grant id. Used for
 * refresh-token revocation and reuse, and for a replayed authorization code. Idempotent. Returns
 * how many refresh tokens it revoked.
 *
 * The family's lock comes first (lockRefreshTokenFamily), so a rotation running at the same time
 * either commits before the sweep starts (and the sweep revokes what it minted) or waits and finds
 * the family revoked: no token minted from the family outlives this, on any instance.
 */
export async function revokeGrant(tx: DbTx, authServerId: string, grantId: string, now: Date): Promise<number> {
  await lockRefreshTokenFamily(tx, grantId, now);
  await tx.refreshTokenFamily.update({ where: { id: grantId }, data: { revoked: now } });
  const { count } = await tx.refreshToken.updateMany({ where: { familyId: grantId, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
  const key = grantRevocationKey(grantId);
  const expiresAt = new Date(now.getTime() + MAX_ACCESS_TOKEN_LIFETIME_MS);
  await tx.revokedAccessToken.upsert({ where: { jti: key }, create: { jti: key, authServerId, expiresAt, created: now }, update: { expiresAt } });
  return count;
}

/**
 * Revokes every grant that holds an unrevoked refresh token matching `where` (a client's tokens
 * from one server, a user's, a user's of one client), each whole through revokeGrant and so under
 * its family's lock: a rotation racing this cannot mint a token that survives it. Every family
 * belongs to one server, client and user, so revoking it whole revokes exactly the matching grants.
 * Families are locked in id order, so two sweeps never wait on each other in a cycle. On
 * PostgreSQL each statement of the transaction reads anew (READ COMMITTED), so a sweep after a lock
 * that waited sees what the rotation committed; SQLite transactions hold the write lock from BEGIN
 * IMMEDIATE. Returns how many refresh tokens it revoked.
 */
export async function revokeGrantsWhere(tx: DbTx, where: Prisma.RefreshTokenWhereInput, now: Date): Promise<number> {
  const grants = await tx.refreshToken.findMany({
    where: { ...where, status: { not: "REVOKED" } },
    distinct: ["familyId"],
    select: { familyId: true, authServerId: true },
    orderBy: { familyId: "asc" },
  });
  let revoked = 0;
  for (const grant of grants) revoked += await revokeGrant(tx, grant.authServerId, grant.familyId, now);
  return revoked;
}
