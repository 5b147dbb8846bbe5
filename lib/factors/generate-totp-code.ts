import { generate } from "otplib";
import { TOTP } from "./check-totp-code";

/**
 * The TOTP code of a secret (base32, or raw bytes) at a time (RFC 6238 4.2): what an authenticator
 * app shows. The sign-in pages never need it; tests and tools do (an 8-digit code for the RFC's
 * Appendix B vectors).
 */
export function generateTotpCode(secret: string | Uint8Array, at: Date, digits: 6 | 8 = TOTP.digits): Promise<string> {
  return generate({ secret, digits, period: TOTP.periodSeconds, epoch: Math.floor(at.getTime() / 1000) });
}
