import { timingSafeEqual } from "node:crypto";
import { hashToken } from "../crypto/hash-token";

/** Longer input cannot be a secret of ours (generated ones are 64 characters, chosen ones at most 256). */
const MAX_SECRET_LENGTH = 1024;

/**
 * Does `presented` equal one of the secrets whose SHA-256 (hex) are `hashes`? Secrets are
 * high-entropy, so no KDF; every hash is compared, in constant time.
 */
export function secretMatches(presented: string, hashes: readonly string[]): boolean {
  if (!presented || presented.length > MAX_SECRET_LENGTH) return false;
  const presentedHash = Buffer.from(hashToken(presented), "hex");
  let matched = false;
  // Both sides are SHA-256 digests, so they have one public length: compared as they are, in constant time.
  for (const hash of hashes) {
    const stored = Buffer.from(hash, "hex");
    matched = (stored.length === presentedHash.length && timingSafeEqual(presentedHash, stored)) || matched;
  }
  return matched;
}
