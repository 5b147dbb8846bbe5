import { createPublicKey, type KeyObject } from "node:crypto";
import type { Db } from "../../db/create-db-client";
import { listPublishedKeys } from "../../keys/list-published-keys";

/** An unknown kid reloads the key set at most this often per server (forged kids cost no more). */
export const UNKNOWN_KID_RELOAD_MS = 1000;
/** The key set is re-read at least this often even when configVersion did not move. */
export const MAX_KEY_SET_AGE_MS = 60_000;
/** Servers kept per database client; the least recently loaded is dropped beyond it. */
export const KEY_CACHE_MAX_SERVERS = 1000;

type CachedKey = { key: KeyObject; publishUntil: number | null };
type Entry = { version: number; loadedAt: number; validUntil: number; keys: Map<string, CachedKey> };
type Cache = { entries: Map<string, Entry>; loading: Map<string, Promise<Entry>> };

/** One cache per database client (tests open several), keyed by server id. */
let caches = new WeakMap<Db, Cache>();

/**
 * The public key `kid` of an authorization server's published key set (ACTIVE, NEXT and
 * still-needed EXPIRED keys: listPublishedKeys), as a KeyObject parsed once. The set is cached per
 * server and reloaded when:
 * - the server's configVersion moved (a rotation bumps it, so every instance sees a new set within
 *   the snapshot's one-second check);
 * - it is older than MAX_KEY_SET_AGE_MS, or the clock moved backwards;
 * - `kid` is unknown and the set is at least UNKNOWN_KID_RELOAD_MS old (a key published elsewhere
 *   a moment ago is found; a forged kid cannot make every request read the database).
 * An EXPIRED key is not returned once its publishUntil has passed. Null: no such key.
 * Concurrent callers for one server share one load.
 */
export async function findVerificationKey(db: Db, secretsKey: Buffer, authServerId: string, configVersion: number, kid: string, now: Date): Promise<KeyObject | null> {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), loading: new Map() };
    caches.set(db, cache);
  }
  const nowMs = now.getTime();
  let entry = cache.entries.get(authServerId);
  if (!entry || entry.version !== configVersion || nowMs >= entry.validUntil || nowMs < entry.loadedAt) {
    entry = await load(cache, db, secretsKey, authServerId, configVersion, now);
  }
  let found = entry.keys.get(kid);
  if (!found && nowMs - entry.loadedAt >= UNKNOWN_KID_RELOAD_MS) {
    entry = await load(cache, db, secretsKey, authServerId, configVersion, now);
    found = entry.keys.get(kid);
  }
  if (!found || (found.publishUntil !== null && found.publishUntil <= nowMs)) return null;
  return found.key;
}

/** Forgets every cached key set (tests). */
export function resetVerificationKeyCache(): void {
  caches = new WeakMap();
}

function load(cache: Cache, db: Db, secretsKey: Buffer, authServerId: string, configVersion: number, now: Date): Promise<Entry> {
  let loading = cache.loading.get(authServerId);
  if (!loading) {
    loading = readKeySet(db, secretsKey, authServerId, configVersion, now).finally(() => cache.loading.delete(authServerId));
    loading.then((entry) => store(cache.entries, authServerId, entry)).catch(() => undefined);
    cache.loading.set(authServerId, loading);
  }
  return loading;
}

async function readKeySet(db: Db, secretsKey: Buffer, authServerId: string, configVersion: number, now: Date): Promise<Entry> {
  const nowMs = now.getTime();
  const published = (await listPublishedKeys(db, authServerId, secretsKey, now)) ?? [];
  const keys = new Map<string, CachedKey>();
  for (const item of published) {
    keys.set(item.kid, { key: createPublicKey({ key: { ...item.jwk }, format: "jwk" }), publishUntil: item.publishUntil?.getTime() ?? null });
  }
  return { version: configVersion, loadedAt: nowMs, validUntil: nowMs + MAX_KEY_SET_AGE_MS, keys };
}

function store(entries: Map<string, Entry>, key: string, entry: Entry): void {
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > KEY_CACHE_MAX_SERVERS) {
    const oldest = entries.keys().next();
    if (oldest.done) break;
    entries.delete(oldest.value);
  }
}
