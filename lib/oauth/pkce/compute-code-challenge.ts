import { createHash } from "node:crypto";

/** RFC 7636 4.2, S256: `BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))`, unpadded. */
export function computeCodeChallenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}
