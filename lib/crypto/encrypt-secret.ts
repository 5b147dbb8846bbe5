import { createCipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";

/**
 * AES-256-GCM with a random 96-bit IV. `context` (e.g. "client-secret:0oa...") is authenticated
 * data: a ciphertext copied to another row does not decrypt there.
 * Output: `v1.<iv>.<ciphertext+tag>`, base64url parts.
 */
export function encryptSecret(plaintext: string, key: Buffer, context: string, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}
