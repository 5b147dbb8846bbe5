import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { RelyingParty } from "./relying-party";

/**
 * Verifies a WebAuthn assertion (W3C WebAuthn 7.2) with @simplewebauthn/server against a registered
 * credential: client data (type webauthn.get, the expected challenge, the org's origin), RP ID hash,
 * user presence and user verification (required), the signature over authenticatorData ||
 * SHA-256(clientDataJSON) with the stored public key, and the signature counter (7.2 step 21: a
 * counter that does not move forward, when either is non-zero, is a possibly cloned authenticator
 * and is refused). Returns the new counter to store, and whether the credential is bound to one
 * device or may be synced (backup eligible: a synced passkey).
 */
export async function verifyWebAuthnAssertion(input: {
  credential: { id: string; publicKey: Uint8Array; signCount: number };
  clientData: string;
  authenticatorData: string;
  signature: string;
  challenge: string;
  rp: RelyingParty;
}): Promise<{ ok: true; signCount: number; deviceType: "singleDevice" | "multiDevice" } | { ok: false; reason: string }> {
  const { credential } = input;
  try {
    const result = await verifyAuthenticationResponse({
      response: {
        id: credential.id,
        rawId: credential.id,
        type: "public-key",
        clientExtensionResults: {},
        response: { clientDataJSON: input.clientData, authenticatorData: input.authenticatorData, signature: input.signature },
      },
      expectedChallenge: input.challenge,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.id,
      credential: { id: credential.id, publicKey: new Uint8Array(credential.publicKey), counter: credential.signCount },
      requireUserVerification: true,
    });
    if (!result.verified) return { ok: false, reason: "the assertion did not verify" };
    return { ok: true, signCount: result.authenticationInfo.newCounter, deviceType: result.authenticationInfo.credentialDeviceType };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
