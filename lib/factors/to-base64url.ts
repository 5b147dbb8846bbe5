/**
 * A WebAuthn value as the verifier takes it (base64url, RFC 4648 5): Okta's clients send base64url
 * (the sign-in widget's CryptoUtil.binToStr), its docs show standard base64 with padding; both are
 * accepted. Anything else is returned unchanged for the verifier to refuse.
 */
export function toBase64Url(value: string): string {
  return value.trim().replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
