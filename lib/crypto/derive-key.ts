import { hkdfSync } from "node:crypto";

/**
 * Derives a 256-bit key for one purpose from APP_SECRET (RFC 5869 HKDF-SHA256), so that the one
 * secret never serves two purposes directly.
 */
export function deriveKey(appSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(appSecret, "utf8"), Buffer.alloc(0), `idp:${purpose}`, 32));
}
