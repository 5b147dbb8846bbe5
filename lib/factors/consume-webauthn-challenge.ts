import { hashToken } from "../crypto/hash-token";
import type { InTransaction } from "../db/record-change";

/**
 * Takes the challenge an answer carries, once: true when it was issued for this factor and purpose
 * and has not expired, and it is deleted in the same statement, so a replayed or concurrent answer
 * with the same challenge finds nothing.
 */
export async function consumeWebAuthnChallenge(
  tx: InTransaction,
  input: { challenge: string; factorId: string; purpose: "registration" | "authentication"; now: Date },
): Promise<boolean> {
  const { count } = await tx.webAuthnChallenge.deleteMany({
    where: { challengeHash: hashToken(input.challenge), factorId: input.factorId, purpose: input.purpose, expiresAt: { gt: input.now } },
  });
  return count === 1;
}
