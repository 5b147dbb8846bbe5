import { randomBytes } from "node:crypto";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { hashToken } from "../crypto/hash-token";
import type { InTransaction } from "../db/record-change";
import { WEBAUTHN_CHALLENGE_LIFETIME_MS } from "./webauthn-timeouts";

/**
 * A new challenge for a factor's WebAuthn ceremony (W3C WebAuthn 13.4.3: at least 16 random bytes;
 * 32 here), stored under its hash until it is answered or expires. It replaces any challenge the
 * factor still had: one ceremony at a time per factor. Returns the challenge as the client data will
 * carry it (base64url).
 */
export async function issueWebAuthnChallenge(
  tx: InTransaction,
  input: { factorId: string; purpose: "registration" | "authentication"; now: Date; random?: (size: number) => Buffer },
): Promise<string> {
  const challenge = isoBase64URL.fromBuffer(new Uint8Array((input.random ?? randomBytes)(32)));
  await tx.webAuthnChallenge.deleteMany({ where: { factorId: input.factorId } });
  await tx.webAuthnChallenge.create({
    data: { challengeHash: hashToken(challenge), purpose: input.purpose, factorId: input.factorId, expiresAt: new Date(input.now.getTime() + WEBAUTHN_CHALLENGE_LIFETIME_MS), created: input.now },
  });
  return challenge;
}
