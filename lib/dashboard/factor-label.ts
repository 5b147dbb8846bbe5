/** A factor's name for people, from its Factors API type and provider. */
export function factorLabel(factor: { factorType: string; provider: string }): string {
  if (factor.factorType === "webauthn") return "Passkey or security key (WebAuthn)";
  if (factor.factorType === "token:software:totp") return factor.provider === "GOOGLE" ? "Google Authenticator (TOTP)" : "One-time code app (TOTP)";
  return `${factor.factorType} (${factor.provider})`;
}
