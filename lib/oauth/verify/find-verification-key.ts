import { createPublicKey, type KeyObject } from "node:crypto";
import { createKeyedCache, perDatabaseClient } from "../../cache/keyed-cache";
import type { Db } from "../../db/create-db-client";
import { listPublishedKeys } from "../../keys/list-published-keys";

/** An unknown kid reloads the key set at most this often per server (forged kids cost no more). */
export const UNKNOWN_KID_RELOAD_MS = 1000;
/** The key set is re-read at least this often even when configVersion did not move. */
export const MAX_KEY_SET_AGE_MS = 60_000;
/** Servers kept per database client; the least recently loaded is dropped beyond it. */
export const KEY_CACHE_MAX_SERVERS = 1000;

type CachedKey = { key: KeyObject; publishUntil: number | null };
type KeySet = { loadedAt: number; keys: Map<string, CachedKey> };

/** One cache per database client (tests open several), keyed by server id. */
const caches = perDatabaseClient(() => createKeyedCache<KeySet>({ maxEntries: KEY_CACHE_MAX_SERVERS, maxAgeMs: MAX_KEY_SET_AGE_MS }));

/**
 * The public key `kid` of an authorization server's published key set (ACTIVE, NEXT and
 * still-needed EXPIRED keys: listPublishedKeys), as a KeyObject parsed once. The set is cached per
 * server (lib/cache/keyed-cache.ts) and reloaded when:
 * - the server's configVersion moved (a rotation bumps it, so every instance sees a new set within
 *   the snapshot's one-second check);
 * - it is older than MAX_KEY_SET_AGE_MS, or the clock moved backwards;
 * - `kid` is unknown and the set is at least UNKNOWN_KID_RELOAD_MS old (a key published elsewhere
 *   a moment ago is found; a forged kid cannot make every request read the database).
 * An EXPIRED key is not returned once its publishUntil has passed. Null: no such key.
 * Concurrent callers for one server share one load.
 */
export async function findVerificationKey(db: Db, secretsKey: Buffer, authServerId: string, configVersion: number, kid: string, now: Date): Promise<KeyObject | null> {
  const cache = caches.of(db);
  const nowMs = now.getTime();
  let set = cache.peek(authServerId, configVersion, nowMs) ?? (await cache.get(authServerId, configVersion, now, (at) => readKeySet(db, secretsKey, authServerId, at)));
  let found = set.keys.get(kid);
  if (!found && nowMs - set.loadedAt >= UNKNOWN_KID_RELOAD_MS) {
    set = await cache.reload(authServerId, configVersion, now, (at) => readKeySet(db, secretsKey, authServerId, at));
    found = set.keys.get(kid);
  }
  if (!found || (found.publishUntil !== null && found.publishUntil <= nowMs)) return null;
  return found.key;
}

/** Forgets every cached key set (tests). */
export function resetVerificationKeyCache(): void {
  caches.reset();
}

async function readKeySet(db: Db, secretsKey: Buffer, authServerId: string, now: Date): Promise<KeySet> {
  const published = (await listPublishedKeys(db, authServerId, secretsKey, now)) ?? [];
  const keys = new Map<string, CachedKey>();
  for (const item of published) {
    keys.set(item.kid, { key: createPublicKey({ key: { ...item.jwk }, format: "jwk" }), publishUntil: item.publishUntil?.getTime() ?? null });
  }
  return { loadedAt: now.getTime(), keys };
}
