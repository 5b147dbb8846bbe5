import { hashToken } from "../crypto/hash-token";
import { timingSafeEqualStrings } from "../crypto/timing-safe-equal-strings";
import type { Db, DbTx } from "../db/create-db-client";

/** Longer input cannot be a secret of ours (generated ones are 64 characters, chosen ones at most 256). */
const MAX_SECRET_LENGTH = 1024;

/**
 * client_secret_basic / client_secret_post: does `presented` equal one of the app's ACTIVE client
 * secrets? Secrets are high-entropy, so their SHA-256 is compared (no KDF), in constant time, with
 * every ACTIVE secret (at most two: rotation keeps the old one working until it is deactivated).
 */
export async function verifyClientSecret(db: Db | DbTx, appId: string, presented: string): Promise<boolean> {
  if (!presented || presented.length > MAX_SECRET_LENGTH) return false;
  const secrets = await db.clientSecret.findMany({ where: { appId, status: "ACTIVE" }, select: { secretHash: true } });
  const presentedHash = hashToken(presented);
  let matched = false;
  for (const secret of secrets) matched = timingSafeEqualStrings(presentedHash, secret.secretHash) || matched;
  return matched;
}
