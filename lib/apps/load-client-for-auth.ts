import { readCacheVersion } from "../db/read-cache-version";
import { createVersionedCache, type VersionedCache } from "../cache/versioned-cache";
import type { CacheTopic } from "../db/cache-topics";
import type { Db } from "../db/create-db-client";
import { CLIENT_GRANTS, toOAuthClient, type OAuthClient } from "./oauth-client";

const TOPIC: CacheTopic = "clients";

export type ClientForAuth = { client: OAuthClient; secretHashes: readonly string[] };

/** At most this many clients are kept per instance; past it the map starts again empty. */
const MAX_CACHED_CLIENTS = 10_000;

type ClientMap = Map<string, ClientForAuth>;
const caches = new WeakMap<Db, VersionedCache<ClientMap>>();

/** The ACTIVE client named by `clientId` with the SHA-256 hashes of its ACTIVE secrets: one indexed query. */
async function readClientForAuth(db: Db, clientId: string): Promise<ClientForAuth | null> {
  if (!clientId || clientId.length > 256) return null;
  const row = await db.app.findUnique({ where: { clientId }, include: { secrets: { where: { status: "ACTIVE" }, select: { secretHash: true } }, ...CLIENT_GRANTS } });
  return row && row.status === "ACTIVE" ? { client: toOAuthClient(row), secretHashes: row.secrets.map((secret) => secret.secretHash) } : null;
}

/**
 * The token service's client lookup (token, introspect, revoke): ACTIVE clients are kept in an
 * in-process map that is dropped whenever the "clients" CacheVersion moves (checked at most once a
 * second, and at once after this instance changed a client; every write to App or ClientSecret
 * moves it: lib/db/cache-topics.ts).
 * So a deactivated, deleted or re-registered app, or a deactivated secret, stops authenticating at
 * once on the instance that changed it and within a second on the others. Unknown and INACTIVE
 * clients are not cached (each lookup reads the database), so a new or re-activated app works at
 * once. `fresh: true` skips the cache (a presented secret that the cached entry does not know may
 * be one created a moment ago on another instance).
 */
export async function loadClientForAuth(db: Db, clientId: string, now: Date, options: { fresh?: boolean } = {}): Promise<ClientForAuth | null> {
  if (!clientId || clientId.length > 256) return null;
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionedCache<ClientMap>({ topic: TOPIC, readVersion: () => readCacheVersion(db, TOPIC), load: async () => new Map() });
    caches.set(db, cache);
  }
  const clients = await cache.get(now);
  const cached = options.fresh ? undefined : clients.get(clientId);
  if (cached) return cached;
  const loaded = await readClientForAuth(db, clientId);
  if (loaded) {
    if (clients.size >= MAX_CACHED_CLIENTS) clients.clear();
    clients.set(clientId, loaded);
  } else {
    clients.delete(clientId);
  }
  return loaded;
}
