import { createHash } from "node:crypto";

/**
 * `at_hash` / `c_hash` for an RS256-signed ID token (OIDC Core 3.1.3.6, 3.3.2.11): the base64url
 * encoding of the left-most half (128 bits) of the SHA-256 hash of the token's ASCII octets.
 */
export function computeTokenHash(token: string): string {
  return createHash("sha256").update(token, "ascii").digest().subarray(0, 16).toString("base64url");
}
