import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { asJson } from "../db/as-json";
import type { Db, DbTx } from "../db/create-db-client";

/**
 * A transaction of Okta's Authentication API lives this long after its last step (Okta's stateToken
 * expires with the transaction; its default lifetime is five minutes).
 */
export const AUTHN_TRANSACTION_LIFETIME_MS = 5 * 60_000;

/**
 * The states a transaction waits in; SUCCESS and CANCELLED end it (its stateToken is then refused).
 * PASSWORD_RESET (a recovery token was redeemed: lib/user-tokens) and PASSWORD_EXPIRED (the right
 * password of a PASSWORD_EXPIRED user) wait for a new password.
 */
export type AuthnTransactionStatus = "MFA_REQUIRED" | "MFA_CHALLENGE" | "MFA_ENROLL" | "MFA_ENROLL_ACTIVATE" | "PASSWORD_RESET" | "PASSWORD_EXPIRED" | "SUCCESS" | "CANCELLED";

export type AuthnTransaction = {
  userId: string;
  amr: string[];
  status: AuthnTransactionStatus;
  factorId: string | null;
  expiresAt: Date;
  /** the primary authentication's context.deviceToken, hashed with the user (deviceTokenHash); null without one */
  deviceTokenHash: string | null;
};

/**
 * Starts a transaction after the password: a new stateToken (256 random bits, handed to the client
 * only; the SHA-256 is stored), the user, how they authenticated so far, the state, and the hash of
 * the request's device token when it sent one.
 */
export async function createAuthnTransaction(
  db: Db | DbTx,
  input: { userId: string; amr: readonly string[]; status: AuthnTransactionStatus; factorId?: string | null; deviceTokenHash?: string | null; now: Date; random?: (size: number) => Buffer },
): Promise<{ stateToken: string; expiresAt: Date }> {
  const stateToken = randomToken(32, input.random ?? randomBytes);
  const expiresAt = new Date(input.now.getTime() + AUTHN_TRANSACTION_LIFETIME_MS);
  await db.authnTransaction.create({
    data: { stateTokenHash: hashToken(stateToken), userId: input.userId, amr: asJson([...input.amr]), status: input.status, factorId: input.factorId ?? null, deviceTokenHash: input.deviceTokenHash ?? null, expiresAt, created: input.now },
    select: { stateTokenHash: true },
  });
  return { stateToken, expiresAt };
}
