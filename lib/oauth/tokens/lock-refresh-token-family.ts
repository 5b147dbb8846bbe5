import type { DbTx } from "../../db/create-db-client";

/** What a rotation needs to know about its family once it holds the family's lock. */
export type RefreshTokenFamilyState = {
  revoked: Date | null;
  /** the token rotated last in the family (null: none since the row was created) */
  lastRotatedId: string | null;
  /** siblings minted from lastRotatedId within the grace period */
  graceSiblings: number;
};

/**
 * Takes the lock of a refresh-token family for the rest of the transaction, on every instance: an
 * upsert of its RefreshTokenFamily row (created on first use). It must be the transaction's first
 * statement, in every transaction that mints a token into the family (rotateRefreshToken) or
 * revokes it (revokeGrant):
 * - PostgreSQL (READ COMMITTED): the row lock makes the other side wait until this transaction
 *   commits. A revocation that waited then sweeps with a new snapshot that includes every token a
 *   rotation minted before it; a rotation that waited reads the family as revoked. Without it, an
 *   `UPDATE ... WHERE familyId = ...` does not see a token inserted by a transaction that commits
 *   after the UPDATE began, and that token outlives the revocation.
 * - SQLite: the upsert is a write, so the transaction holds the database's write lock from its
 *   first statement on (and never has to upgrade a read lock).
 * Prisma sends it as one `INSERT ... ON CONFLICT ("id") DO UPDATE ... RETURNING` (a native upsert:
 * one unique field, no nested writes), so two first uses of a family queue instead of colliding.
 */
export async function lockRefreshTokenFamily(tx: DbTx, familyId: string, now: Date): Promise<RefreshTokenFamilyState> {
  return tx.refreshTokenFamily.upsert({
    where: { id: familyId },
    create: { id: familyId, lastUsed: now },
    update: { lastUsed: now },
    select: { revoked: true, lastRotatedId: true, graceSiblings: true },
  });
}
