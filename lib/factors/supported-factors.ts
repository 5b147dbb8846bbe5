import type { IdKind } from "../ids/new-id";

/** Okta's factor type of a TOTP authenticator app (RFC 6238). */
export const TOTP_FACTOR = "token:software:totp";
/** Okta's factor type of a WebAuthn credential (passkey or security key). */
export const WEBAUTHN_FACTOR = "webauthn";

export type FactorType = typeof TOTP_FACTOR | typeof WEBAUTHN_FACTOR;
export type FactorStatus = "PENDING_ACTIVATION" | "ACTIVE";

/**
 * The factor types and providers this server enrolls, in the order the catalog lists them, with the
 * id prefix of each (Okta's: ost... Okta Verify TOTP, uft... Google Authenticator, fwf... WebAuthn).
 */
export const SUPPORTED_FACTORS = [
  { factorType: TOTP_FACTOR, provider: "OKTA", idKind: "oktaTotpFactor" },
  { factorType: TOTP_FACTOR, provider: "GOOGLE", idKind: "googleTotpFactor" },
  { factorType: WEBAUTHN_FACTOR, provider: "FIDO", idKind: "webauthnFactor" },
] as const satisfies ReadonlyArray<{ factorType: FactorType; provider: string; idKind: IdKind }>;

export type SupportedFactor = (typeof SUPPORTED_FACTORS)[number];

/** The supported factor a type and provider name, if any. */
export function findSupportedFactor(factorType: string, provider: string): SupportedFactor | undefined {
  return SUPPORTED_FACTORS.find((factor) => factor.factorType === factorType && factor.provider === provider);
}
