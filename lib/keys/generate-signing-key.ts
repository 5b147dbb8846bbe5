import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { calculateJwkThumbprint } from "jose";
import { encryptSecret } from "../crypto/encrypt-secret";

const generateKeyPairAsync = promisify(generateKeyPair);

export type NewSigningKey = {
  kid: string;
  alg: "RS256";
  publicJwk: { kty: "RSA"; n: string; e: string };
  privateKeyEncrypted: string;
};

/** The authenticated context under which a signing key's private half is encrypted. */
export const signingKeyContext = (kid: string) => `signing-key:${kid}`;

/**
 * A new RS256 signing key (RSA 2048). The kid is the key's RFC 7638 thumbprint; the private key is
 * PKCS#8 PEM, encrypted at rest with the secrets key.
 */
export async function generateSigningKey(secretsKey: Buffer): Promise<NewSigningKey> {
  const { publicKey, privateKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048, publicExponent: 0x10001 });
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.n !== "string" || typeof jwk.e !== "string") throw new Error("RSA key export produced no modulus");
  const publicJwk = { kty: "RSA" as const, n: jwk.n, e: jwk.e };
  const kid = await calculateJwkThumbprint(publicJwk, "sha256");
  const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  return { kid, alg: "RS256", publicJwk, privateKeyEncrypted: encryptSecret(pem, secretsKey, signingKeyContext(kid)) };
}
