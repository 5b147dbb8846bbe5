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
 * update of its RefreshTokenFamily row (created with the family's first token), returning its
 * state; null when the row is gone (housekeeping deleted a family none of whose tokens is left). It
 * must be the transaction's first statement, in every transaction that mints a token into the
 * family (rotateRefreshToken) or revokes it (revokeGrant):
 * - PostgreSQL (READ COMMITTED): the row lock makes the other side wait until this transaction
 *   commits. A revocation that waited then sweeps with a new snapshot that includes every token a
 *   rotation minted before it; a rotation that waited reads the family as revoked. Without it, an
 *   `UPDATE ... WHERE familyId = ...` does not see a token inserted by a transaction that commits
 *   after the UPDATE began, and that token outlives the revocation.
 * - SQLite: the update is a write, so the transaction holds the database's write lock from its
 *   first statement on (and never has to upgrade a read lock).
 * One `UPDATE ... RETURNING` statement.
 */
export async function lockRefreshTokenFamily(tx: DbTx, familyId: string, now: Date): Promise<RefreshTokenFamilyState | null> {
  const [family] = await tx.refreshTokenFamily.updateManyAndReturn({
    where: { id: familyId },
    data: { lastUsed: now },
    select: { revoked: true, lastRotatedId: true, graceSiblings: true },
  });
  return family ?? null;
}
