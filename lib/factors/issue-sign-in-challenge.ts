import { randomBytes } from "node:crypto";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import type { RelyingParty } from "./relying-party";
import { WEBAUTHN_FACTOR } from "./supported-factors";
import { WEBAUTHN_CHALLENGE_LIFETIME_MS, WEBAUTHN_TIMEOUT_MS } from "./webauthn-timeouts";

/**
 * A WebAuthn challenge for a sign-in (W3C WebAuthn 7.2, navigator.credentials.get): for a user, any
 * of their ACTIVE passkeys may answer it (allowCredentials lists them); without a user (passwordless,
 * a discoverable credential names its user) any registered passkey may. 32 random bytes (13.4.3),
 * stored under their hash until answered (verifySignInAssertion takes it once) or expired. Returns the
 * challenge (`challengeId`: the caller keeps it, and the answer must carry exactly it) and the request
 * options for @simplewebauthn/browser's startAuthentication.
 */
export async function issueSignInChallenge(
  db: Db,
  input: { userId: string | null; now: Date; rp: RelyingParty; random?: (size: number) => Buffer },
): Promise<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const challenge = isoBase64URL.fromBuffer(new Uint8Array((input.random ?? randomBytes)(32)));
  const credentials = input.userId
    ? await db.userFactor.findMany({ where: { userId: input.userId, factorType: WEBAUTHN_FACTOR, status: "ACTIVE" }, select: { credentialId: true, transports: true }, orderBy: { created: "asc" } })
    : [];
  await db.webAuthnChallenge.create({
    data: { challengeHash: hashToken(challenge), purpose: "authentication", factorId: null, userId: input.userId, expiresAt: new Date(input.now.getTime() + WEBAUTHN_CHALLENGE_LIFETIME_MS), created: input.now },
  });
  const options = await generateAuthenticationOptions({
    rpID: input.rp.id,
    challenge: isoBase64URL.toBuffer(challenge),
    timeout: WEBAUTHN_TIMEOUT_MS,
    userVerification: "required",
    allowCredentials: credentials.flatMap((row) => (row.credentialId ? [{ id: row.credentialId, transports: Array.isArray(row.transports) ? (row.transports as string[]) : undefined }] : [])),
  });
  return { challengeId: challenge, options };
}
