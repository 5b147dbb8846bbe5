import { createPrivateKey, type KeyObject } from "node:crypto";
import { decryptSecret } from "../crypto/decrypt-secret";
import type { Db } from "../db/create-db-client";
import { signingKeyContext } from "./generate-signing-key";
import { rotateDueKeys } from "./rotate-due-keys";

export type SigningKey = { kid: string; alg: "RS256"; privateKey: KeyObject };

/** Decrypted private keys by kid: key material never changes for a kid, so entries never go stale. */
const cache = new Map<string, KeyObject>();
const CACHE_LIMIT = 256;

/**
 * The key that signs tokens for an authorization server now: its ACTIVE key, after a due AUTO
 * rotation (so the first token after nextRotation is already signed with the new key). Null when
 * the server does not exist or has no ACTIVE key. Put `kid` and `alg` in the JWT header.
 */
export async function loadSigningKey(db: Db, authServerId: string, secretsKey: Buffer, now: Date): Promise<SigningKey | null> {
  await rotateDueKeys(db, authServerId, secretsKey, now);
  const row = await db.signingKey.findFirst({ where: { authServerId, status: "ACTIVE" }, select: { kid: true, privateKeyEncrypted: true } });
  if (!row) return null;
  let privateKey = cache.get(row.kid);
  if (!privateKey) {
    privateKey = createPrivateKey(decryptSecret(row.privateKeyEncrypted, secretsKey, signingKeyContext(row.kid)));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(row.kid, privateKey);
  }
  return { kid: row.kid, alg: "RS256", privateKey };
}
