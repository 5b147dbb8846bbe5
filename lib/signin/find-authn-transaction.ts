import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import type { AuthnTransaction, AuthnTransactionStatus } from "./create-authn-transaction";

/** Longer strings cannot be a stateToken of ours (43 characters). */
const MAX_STATE_TOKEN_LENGTH = 256;

/** The live transaction of a stateToken: null when unknown, expired, ended (SUCCESS, CANCELLED) or its user is not ACTIVE. */
export async function findAuthnTransaction(db: Db, stateToken: string, now: Date): Promise<AuthnTransaction | null> {
  if (!stateToken || stateToken.length > MAX_STATE_TOKEN_LENGTH) return null;
  const row = await db.authnTransaction.findUnique({
    where: { stateTokenHash: hashToken(stateToken) },
    select: { userId: true, amr: true, status: true, factorId: true, expiresAt: true, deviceTokenHash: true, user: { select: { status: true } } },
  });
  if (!row || row.expiresAt.getTime() <= now.getTime() || row.status === "SUCCESS" || row.status === "CANCELLED" || row.user.status !== "ACTIVE") return null;
  const amr = Array.isArray(row.amr) ? row.amr.filter((item): item is string => typeof item === "string") : [];
  return { userId: row.userId, amr, status: row.status as AuthnTransactionStatus, factorId: row.factorId, expiresAt: row.expiresAt, deviceTokenHash: row.deviceTokenHash };
}
