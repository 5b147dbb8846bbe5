/** The AES-GCM context a client secret is sealed under: a ciphertext only opens in its own row. */
export function clientSecretContext(secretId: string): string {
  return `client-secret:${secretId}`;
}
