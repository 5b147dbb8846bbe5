import { createDecipheriv } from "node:crypto";
import { CryptoError } from "./crypto-error";

const TAG_LENGTH = 16;

/** Reverses encryptSecret; a changed byte, key or context is `crypto.tampered`. */
export function decryptSecret(sealed: string, key: Buffer, context: string): string {
  const parts = sealed.split(".");
  if (parts.length !== 3 || parts[0] !== "v1") throw new CryptoError("crypto.malformed", "Not an encrypted secret (expected v1.<iv>.<data>).");
  const iv = Buffer.from(parts[1] ?? "", "base64url");
  const body = Buffer.from(parts[2] ?? "", "base64url");
  if (iv.length !== 12 || body.length < TAG_LENGTH) throw new CryptoError("crypto.malformed", "Encrypted secret is truncated.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(body.subarray(body.length - TAG_LENGTH));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_LENGTH)), decipher.final()]).toString("utf8");
  } catch {
    throw new CryptoError("crypto.tampered", "Encrypted secret failed authentication (wrong APP_SECRET, or the data was altered).");
  }
}
