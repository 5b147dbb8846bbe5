import { randomBytes } from "node:crypto";
import { ScureBase32Plugin } from "otplib";
import { TOTP } from "./check-totp-code";

const base32 = new ScureBase32Plugin();

/**
 * A new TOTP shared secret: 20 random bytes (160 bits, RFC 4226 4 R6's recommended length) in
 * base32 without padding (RFC 4648 6), as authenticator apps take it.
 */
export function generateTotpSecret(random: (size: number) => Buffer = randomBytes): string {
  return base32.encode(new Uint8Array(random(TOTP.secretBytes))).replace(/=+$/, "");
}
