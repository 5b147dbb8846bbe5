import { generateURI } from "otplib";
import { TOTP } from "./check-totp-code";

/**
 * The otpauth:// URI an authenticator app scans (Google Authenticator's Key Uri Format): the issuer
 * (the org), the account (the user's login), the secret and the TOTP parameters.
 */
export function totpProvisioningUri(input: { issuer: string; accountName: string; secret: string }): string {
  return generateURI({ issuer: input.issuer, label: input.accountName, secret: input.secret, digits: TOTP.digits, period: TOTP.periodSeconds });
}
