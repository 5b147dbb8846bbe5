import { hashToken } from "../crypto/hash-token";
import { timingSafeEqualStrings } from "../crypto/timing-safe-equal-strings";

/** Longer input cannot be a secret of ours (generated ones are 64 characters, chosen ones at most 256). */
const MAX_SECRET_LENGTH = 1024;

/**
 * Does `presented` equal one of the secrets whose SHA-256 (hex) are `hashes`? Secrets are
 * high-entropy, so no KDF; every hash is compared, in constant time.
 */
export function secretMatches(presented: string, hashes: readonly string[]): boolean {
  if (!presented || presented.length > MAX_SECRET_LENGTH) return false;
  const presentedHash = hashToken(presented);
  let matched = false;
  for (const hash of hashes) matched = timingSafeEqualStrings(presentedHash, hash) || matched;
  return matched;
}
