import type { DbTx } from "../../db/create-db-client";
import { Prisma } from "../../db/generated/sqlite/client";
import { grantRevocationKey } from "./access-token-id";
import { MAX_ACCESS_TOKEN_LIFETIME_MS } from "./token-lifetimes";

/** How many grants one statement revokes: bounded parameter lists, a few statements per thousand grants. */
const GRANTS_PER_BATCH = 500;

/**
 * Revokes everything one grant issued (RFC 9700 4.14 / RFC 6749 10.5): every refresh token of its
 * family, and, through one marker row, every access token whose jti carries the grant id. Used for
 * refresh-token revocation and reuse, and for a replayed authorization code. Idempotent. Returns
 * how many refresh tokens it revoked.
 *
 * The family's lock comes first (the upsert of its row that lockRefreshTokenFamily runs), so a
 * rotation running at the same time either commits before the sweep starts (and the sweep revokes
 * what it minted) or waits and finds the family revoked: no token minted from the family outlives
 * this, on any instance.
 */
export async function revokeGrant(tx: DbTx, authServerId: string, grantId: string, now: Date): Promise<number> {
  return revokeGrants(tx, [{ authServerId, grantId }], now);
}

/**
 * Revokes every grant that holds an unrevoked refresh token matching `where` (a client's tokens
 * from one server, a user's, a user's of one client), each whole as revokeGrant does: every family
 * belongs to one server, client and user, so revoking it whole revokes exactly the matching grants.
 * Returns how many refresh tokens it revoked.
 */
export async function revokeGrantsWhere(tx: DbTx, where: Prisma.RefreshTokenWhereInput, now: Date): Promise<number> {
  const grants = await tx.refreshToken.groupBy({ by: ["familyId", "authServerId"], where: { ...where, status: { not: "REVOKED" } } });
  return revokeGrants(tx, grants.map((grant) => ({ authServerId: grant.authServerId, grantId: grant.familyId })), now);
}

/**
 * revokeGrant for many grants, GRANTS_PER_BATCH at a time, three statements a batch:
 * 1. the families' locks, marking them revoked: one multi-row upsert of their rows (INSERT ... ON
 *    CONFLICT DO UPDATE, the statement lockRefreshTokenFamily runs for one family), in id order so
 *    two sweeps never wait on each other in a cycle. On PostgreSQL it waits for a rotation holding
 *    a family's row (or inserting it) to commit; SQLite transactions hold the write lock from BEGIN
 *    IMMEDIATE;
 * 2. the sweep of their refresh tokens: on PostgreSQL (READ COMMITTED) a new statement reads anew,
 *    so it sees every token a rotation that held a lock committed;
 * 3. the access-token markers (one upsert).
 * Raw SQL for 1 and 3 because Prisma upserts one row at a time; parameters only, dates as Date
 * (both driver adapters encode them as Prisma does).
 */
async function revokeGrants(tx: DbTx, grants: ReadonlyArray<{ authServerId: string; grantId: string }>, now: Date): Promise<number> {
  const unique = [...new Map(grants.map((grant) => [grant.grantId, grant])).values()].sort((a, b) => (a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0));
  const expiresAt = new Date(now.getTime() + MAX_ACCESS_TOKEN_LIFETIME_MS);
  let revoked = 0;
  for (let start = 0; start < unique.length; start += GRANTS_PER_BATCH) {
    const batch = unique.slice(start, start + GRANTS_PER_BATCH);
    const families = batch.map((grant) => Prisma.sql`(${grant.grantId}, ${now}, ${now})`);
    await tx.$executeRaw`INSERT INTO "RefreshTokenFamily" ("id", "lastUsed", "revoked") VALUES ${Prisma.join(families)} ON CONFLICT ("id") DO UPDATE SET "lastUsed" = excluded."lastUsed", "revoked" = excluded."revoked"`;
    const swept = await tx.refreshToken.updateMany({ where: { familyId: { in: batch.map((grant) => grant.grantId) }, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
    revoked += swept.count;
    const markers = batch.map((grant) => Prisma.sql`(${grantRevocationKey(grant.grantId)}, ${grant.authServerId}, ${expiresAt}, ${now})`);
    await tx.$executeRaw`INSERT INTO "RevokedAccessToken" ("jti", "authServerId", "expiresAt", "created") VALUES ${Prisma.join(markers)} ON CONFLICT ("jti") DO UPDATE SET "expiresAt" = excluded."expiresAt"`;
  }
  return revoked;
}
