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
 * The family's lock comes first (the update of its row that lockRefreshTokenFamily runs), so a
 * rotation running at the same time either commits before the sweep starts (and the sweep revokes
 * what it minted) or waits and finds the family revoked: no token minted from the family outlives
 * this, on any instance.
 */
export async function revokeGrant(tx: DbTx, authServerId: string, grantId: string, now: Date): Promise<number> {
  return revokeGrants(tx, [{ authServerId, grantId }], now);
}

/** Which grants revokeGrantsWhere revokes: a client's from one server, a user's, a user's of one client, one family. */
export type GrantFilter = { authServerId?: string; clientId?: string; userId?: string; familyId?: string };

/**
 * Revokes every grant that holds an unrevoked refresh token and matches `filter`, each whole as
 * revokeGrant does: every family belongs to one server, client and user, so revoking it whole
 * revokes exactly the matching grants. Returns how many refresh tokens it revoked.
 */
export async function revokeGrantsWhere(tx: DbTx, filter: GrantFilter, now: Date): Promise<number> {
  const { familyId, ...family } = filter;
  const grants = await tx.refreshTokenFamily.findMany({
    where: { ...family, ...(familyId === undefined ? {} : { id: familyId }), tokens: { some: { status: { not: "REVOKED" } } } },
    select: { id: true, authServerId: true },
  });
  return revokeGrants(tx, grants.map((grant) => ({ authServerId: grant.authServerId, grantId: grant.id })), now);
}

/**
 * revokeGrant for many grants, GRANTS_PER_BATCH at a time:
 * 1. the families' locks, marking them revoked: one UPDATE of its row per family (the statement
 *    lockRefreshTokenFamily runs), in id order, so two sweeps never wait on each other in a cycle.
 *    On PostgreSQL each waits for a rotation holding that family's row to commit; SQLite
 *    transactions hold the write lock from BEGIN IMMEDIATE. A grant without a family (no refresh
 *    token was issued) has no row and needs none: only its access tokens are revoked;
 * 2. the sweep of their refresh tokens, one statement: on PostgreSQL (READ COMMITTED) a new
 *    statement reads anew, so it sees every token a rotation that held a lock committed;
 * 3. the access-token markers (one multi-row upsert: raw SQL because Prisma upserts one row at a
 *    time; parameters only, dates as Date, which both driver adapters encode as Prisma does).
 */
async function revokeGrants(tx: DbTx, grants: ReadonlyArray<{ authServerId: string; grantId: string }>, now: Date): Promise<number> {
  const unique = [...new Map(grants.map((grant) => [grant.grantId, grant])).values()].sort((a, b) => (a.grantId < b.grantId ? -1 : a.grantId > b.grantId ? 1 : 0));
  const expiresAt = new Date(now.getTime() + MAX_ACCESS_TOKEN_LIFETIME_MS);
  let revoked = 0;
  for (let start = 0; start < unique.length; start += GRANTS_PER_BATCH) {
    const batch = unique.slice(start, start + GRANTS_PER_BATCH);
    for (const grant of batch) await tx.refreshTokenFamily.updateMany({ where: { id: grant.grantId }, data: { lastUsed: now, revoked: now } });
    const swept = await tx.refreshToken.updateMany({ where: { familyId: { in: batch.map((grant) => grant.grantId) }, status: { not: "REVOKED" } }, data: { status: "REVOKED", revoked: now } });
    revoked += swept.count;
    const markers = batch.map((grant) => Prisma.sql`(${grantRevocationKey(grant.grantId)}, ${grant.authServerId}, ${expiresAt}, ${now})`);
    await tx.$executeRaw`INSERT INTO "RevokedAccessToken" ("jti", "authServerId", "expiresAt", "created") VALUES ${Prisma.join(markers)} ON CONFLICT ("jti") DO UPDATE SET "expiresAt" = excluded."expiresAt"`;
  }
  return revoked;
}
