/** The AES-GCM context a TOTP shared secret is sealed under (lib/crypto/encrypt-secret.ts): a ciphertext only opens in its own factor's row. */
export function factorSecretContext(factorId: string): string {
  return `factor-secret:${factorId}`;
}
