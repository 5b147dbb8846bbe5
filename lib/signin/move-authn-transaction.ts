import { hashToken } from "../crypto/hash-token";
import { asJson } from "../db/as-json";
import type { Db, DbTx } from "../db/create-db-client";
import { AUTHN_TRANSACTION_LIFETIME_MS, type AuthnTransactionStatus } from "./create-authn-transaction";

/**
 * Moves a transaction from the state it was read in to the next, in one conditional update (still in
 * `from`, with the same factor, not expired): of two concurrent steps only one moves it, so a
 * stateToken ends (SUCCESS, CANCELLED) once. Each step gives the transaction another lifetime.
 * Returns the new expiry, or null when another step moved it first (or it expired).
 */
export async function moveAuthnTransaction(
  db: Db | DbTx,
  input: { stateToken: string; from: { status: AuthnTransactionStatus; factorId: string | null }; to: { status: AuthnTransactionStatus; factorId?: string | null; amr?: readonly string[] }; now: Date },
): Promise<Date | null> {
  const expiresAt = new Date(input.now.getTime() + AUTHN_TRANSACTION_LIFETIME_MS);
  const { count } = await db.authnTransaction.updateMany({
    where: { stateTokenHash: hashToken(input.stateToken), status: input.from.status, factorId: input.from.factorId, expiresAt: { gt: input.now } },
    data: { status: input.to.status, factorId: input.to.factorId ?? null, ...(input.to.amr ? { amr: asJson([...input.to.amr]) } : {}), expiresAt },
  });
  return count === 1 ? expiresAt : null;
}
