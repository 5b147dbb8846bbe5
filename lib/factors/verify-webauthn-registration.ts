import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { decodeAttestationObject, isoBase64URL, parseAuthenticatorData } from "@simplewebauthn/server/helpers";
import type { RelyingParty } from "./relying-party";
import { WEBAUTHN_ALGORITHMS } from "./webauthn-timeouts";

export type RegisteredCredential = {
  credentialId: string;
  publicKey: Uint8Array;
  signCount: number;
  aaguid: string;
  /** multiDevice: backup eligible (a synced passkey); singleDevice: bound to its authenticator */
  deviceType: "singleDevice" | "multiDevice";
};

/**
 * Verifies a WebAuthn registration (W3C WebAuthn 7.1) with @simplewebauthn/server: the client data
 * (type webauthn.create, the expected challenge, the org's origin), the RP ID hash, user presence and
 * user verification (required), the algorithm (ES256 or RS256) and the attestation statement. Okta's
 * activate body carries no credential id: it is read from the attestation's authenticator data.
 */
export async function verifyWebAuthnRegistration(input: {
  attestation: string;
  clientData: string;
  challenge: string;
  rp: RelyingParty;
}): Promise<{ ok: true; credential: RegisteredCredential } | { ok: false; reason: string }> {
  try {
    const authData = parseAuthenticatorData(decodeAttestationObject(isoBase64URL.toBuffer(input.attestation)).get("authData"));
    if (!authData.credentialID) return { ok: false, reason: "the attestation carries no credential" };
    const id = isoBase64URL.fromBuffer(authData.credentialID);
    const result = await verifyRegistrationResponse({
      response: { id, rawId: id, type: "public-key", clientExtensionResults: {}, response: { clientDataJSON: input.clientData, attestationObject: input.attestation } },
      expectedChallenge: input.challenge,
      expectedOrigin: input.rp.origin,
      expectedRPID: input.rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: WEBAUTHN_ALGORITHMS,
    });
    if (!result.verified) return { ok: false, reason: "the registration did not verify" };
    const { credential, aaguid, credentialDeviceType } = result.registrationInfo;
    return { ok: true, credential: { credentialId: credential.id, publicKey: credential.publicKey, signCount: credential.counter, aaguid, deviceType: credentialDeviceType } };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
