import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

/**
 * A software WebAuthn authenticator for the tests: an EC P-256 key (ES256), "none" attestation,
 * user presence and verification flags set unless told otherwise, a counter the test controls.
 * It builds real CBOR attestation objects, client data JSON and DER signatures (W3C WebAuthn 6.1, 6.5, 7).
 */
export class SoftwareAuthenticator {
  readonly credentialId: Uint8Array<ArrayBuffer> = new Uint8Array(randomBytes(16));
  private readonly privateKey: KeyObject;
  private readonly jwk: { x: string; y: string };

  constructor(
    readonly rpId: string,
    readonly origin: string,
  ) {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.jwk = pair.publicKey.export({ format: "jwk" }) as { x: string; y: string };
  }

  get credentialIdBase64Url(): string {
    return isoBase64URL.fromBuffer(this.credentialId);
  }

  /**
   * navigator.credentials.create: {attestation, clientData} as Okta's activate body takes them
   * (base64url); the AAGUID is all zeros unless given, the flags UP, UV and AT (0x45; add 0x08 for
   * a backup-eligible, synced credential).
   */
  register(challenge: string, options: { counter?: number; flags?: number; origin?: string; type?: string; aaguid?: string } = {}) {
    const cose = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, isoBase64URL.toBuffer(this.jwk.x)],
      [-3, isoBase64URL.toBuffer(this.jwk.y)],
    ]);
    const aaguid = options.aaguid ? new Uint8Array(Buffer.from(options.aaguid.replaceAll("-", ""), "hex")) : new Uint8Array(16);
    const credentialData = concat(aaguid, u16(this.credentialId.length), this.credentialId, isoCBOR.encode(cose));
    const authData = concat(this.rpIdHash(), new Uint8Array([options.flags ?? 0x45]), u32(options.counter ?? 0), credentialData);
    const attestation = isoCBOR.encode(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]) as never);
    const clientData = this.clientData(options.type ?? "webauthn.create", challenge, options.origin);
    return { attestation: isoBase64URL.fromBuffer(attestation), clientData: isoBase64URL.fromBuffer(clientData) };
  }

  /** navigator.credentials.get: {clientData, authenticatorData, signatureData} as Okta's verify body takes them. */
  assert(challenge: string, counter: number, options: { flags?: number; origin?: string } = {}) {
    const authData = concat(this.rpIdHash(), new Uint8Array([options.flags ?? 0x05]), u32(counter));
    const clientData = this.clientData("webauthn.get", challenge, options.origin);
    const signature = sign("sha256", concat(authData, createHash("sha256").update(clientData).digest()), this.privateKey);
    return { clientData: isoBase64URL.fromBuffer(clientData), authenticatorData: isoBase64URL.fromBuffer(authData), signatureData: isoBase64URL.fromBuffer(new Uint8Array(signature)) };
  }

  /** The assertion as @simplewebauthn/browser's AuthenticationResponseJSON, as the hosted pages' forms post it (W3C WebAuthn 5.1, toJSON). */
  assertionJson(challenge: string, counter: number): string {
    const signed = this.assert(challenge, counter);
    return JSON.stringify({
      id: this.credentialIdBase64Url,
      rawId: this.credentialIdBase64Url,
      type: "public-key",
      response: { clientDataJSON: signed.clientData, authenticatorData: signed.authenticatorData, signature: signed.signatureData },
      clientExtensionResults: {},
    });
  }

  private rpIdHash(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(createHash("sha256").update(this.rpId).digest());
  }

  private clientData(type: string, challenge: string, origin = this.origin): Uint8Array<ArrayBuffer> {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat(parts));
}
const u16 = (n: number): Uint8Array<ArrayBuffer> => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const u32 = (n: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(n);
  return new Uint8Array(out);
};
