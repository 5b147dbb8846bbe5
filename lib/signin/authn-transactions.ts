import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { asJson } from "../db/as-json";
import type { Db } from "../db/create-db-client";

/**
 * A transaction of Okta's Authentication API lives this long after its last step (Okta's stateToken
 * expires with the transaction; its default lifetime is five minutes).
 */
export const AUTHN_TRANSACTION_LIFETIME_MS = 5 * 60_000;
/** Longer strings cannot be a stateToken of ours (43 characters). */
const MAX_STATE_TOKEN_LENGTH = 256;

/** The states a transaction waits in; SUCCESS and CANCELLED end it (its stateToken is then refused). */
export type AuthnTransactionStatus = "MFA_REQUIRED" | "MFA_CHALLENGE" | "MFA_ENROLL" | "MFA_ENROLL_ACTIVATE" | "SUCCESS" | "CANCELLED";

export type AuthnTransaction = { userId: string; amr: string[]; status: AuthnTransactionStatus; factorId: string | null; expiresAt: Date };

/**
 * Starts a transaction after the password: a new stateToken (256 random bits, handed to the client
 * only; the SHA-256 is stored), the user, how they authenticated so far and the state.
 */
export async function createAuthnTransaction(
  db: Db,
  input: { userId: string; amr: readonly string[]; status: AuthnTransactionStatus; factorId?: string | null; now: Date; random?: (size: number) => Buffer },
): Promise<{ stateToken: string; expiresAt: Date }> {
  const stateToken = randomToken(32, input.random ?? randomBytes);
  const expiresAt = new Date(input.now.getTime() + AUTHN_TRANSACTION_LIFETIME_MS);
  await db.authnTransaction.create({
    data: { stateTokenHash: hashToken(stateToken), userId: input.userId, amr: asJson([...input.amr]), status: input.status, factorId: input.factorId ?? null, expiresAt, created: input.now },
    select: { stateTokenHash: true },
  });
  return { stateToken, expiresAt };
}

/** The live transaction of a stateToken: null when unknown, expired, ended (SUCCESS, CANCELLED) or its user is not ACTIVE. */
export async function findAuthnTransaction(db: Db, stateToken: string, now: Date): Promise<AuthnTransaction | null> {
  if (!stateToken || stateToken.length > MAX_STATE_TOKEN_LENGTH) return null;
  const row = await db.authnTransaction.findUnique({
    where: { stateTokenHash: hashToken(stateToken) },
    select: { userId: true, amr: true, status: true, factorId: true, expiresAt: true, user: { select: { status: true } } },
  });
  if (!row || row.expiresAt.getTime() <= now.getTime() || row.status === "SUCCESS" || row.status === "CANCELLED" || row.user.status !== "ACTIVE") return null;
  const amr = Array.isArray(row.amr) ? row.amr.filter((item): item is string => typeof item === "string") : [];
  return { userId: row.userId, amr, status: row.status as AuthnTransactionStatus, factorId: row.factorId, expiresAt: row.expiresAt };
}

/**
 * Moves a transaction from the state it was read in to the next, in one conditional update (still in
 * `from`, with the same factor, not expired): of two concurrent steps only one moves it, so a
 * stateToken ends (SUCCESS, CANCELLED) once. Each step gives the transaction another lifetime.
 * Returns the new expiry, or null when another step moved it first (or it expired).
 */
export async function moveAuthnTransaction(
  db: Db,
  input: { stateToken: string; from: { status: AuthnTransactionStatus; factorId: string | null }; to: { status: AuthnTransactionStatus; factorId?: string | null; amr?: readonly string[] }; now: Date },
): Promise<Date | null> {
  const expiresAt = new Date(input.now.getTime() + AUTHN_TRANSACTION_LIFETIME_MS);
  const { count } = await db.authnTransaction.updateMany({
    where: { stateTokenHash: hashToken(input.stateToken), status: input.from.status, factorId: input.from.factorId, expiresAt: { gt: input.now } },
    data: { status: input.to.status, factorId: input.to.factorId ?? null, ...(input.to.amr ? { amr: asJson([...input.to.amr]) } : {}), expiresAt },
  });
  return count === 1 ? expiresAt : null;
}
