import { createVersionedCache, type VersionedCache } from "../../cache/versioned-cache";
import type { CacheTopic } from "../../db/cache-topics";
import type { Db } from "../../db/create-db-client";
import { loadServerSnapshot } from "./load-server-snapshot";
import type { ServerSnapshot } from "./types";

/** Servers kept per database client; the oldest is dropped beyond it (unknown ids cannot grow memory). */
export const SNAPSHOT_CACHE_MAX_ENTRIES = 1000;

type ServerCache = VersionedCache<ServerSnapshot | null>;

/** One cache per database client (tests open several), keyed by server id. */
let caches = new WeakMap<Db, Map<string, ServerCache>>();

/**
 * The snapshot of an ACTIVE authorization server (null for an unknown or INACTIVE one), from a
 * versioned cache per server (lib/cache/versioned-cache.ts: no query within a second of the last
 * check, then one primary-key read of `{configVersion, status}`, a reload only when either moved;
 * the database bumps configVersion on every change to the server or a row under it, and a change
 * made through this instance is seen at once: lib/db/cache-topics.ts, topic "authorization-servers"). While the database is unavailable the last snapshot keeps being served for the
 * bounded staleness (CACHE_MAX_STALE_SECONDS), which is what keeps discovery, JWKS and
 * client_credentials answering. Unknown ids are cached too (as null), in a map bounded by
 * SNAPSHOT_CACHE_MAX_ENTRIES that drops the least recently used.
 */
export function getServerSnapshot(db: Db, authServerId: string, now: Date): Promise<ServerSnapshot | null> {
  let servers = caches.get(db);
  if (!servers) caches.set(db, (servers = new Map()));
  let cache = servers.get(authServerId);
  if (cache) {
    // most recently used last: probes of unknown ids evict each other, not the servers in use
    servers.delete(authServerId);
    servers.set(authServerId, cache);
  } else {
    cache = createVersionedCache<ServerSnapshot | null>({
      topic: "authorization-servers" satisfies CacheTopic,
      // The snapshot's version: its configVersion while ACTIVE, null when INACTIVE or unknown.
      readVersion: async () => {
        const row = await db.authorizationServer.findUnique({ where: { id: authServerId }, select: { configVersion: true, status: true } });
        return row?.status === "ACTIVE" ? row.configVersion : null;
      },
      load: (version, loadedAt) => (version === null ? Promise.resolve(null) : loadServerSnapshot(db, authServerId, loadedAt)),
    });
    servers.set(authServerId, cache);
    for (const oldest of servers.keys()) {
      if (servers.size <= SNAPSHOT_CACHE_MAX_ENTRIES) break;
      servers.delete(oldest);
    }
  }
  return cache.get(now);
}

/** Forgets every cached snapshot (tests). */
export function resetServerSnapshotCache(): void {
  caches = new WeakMap();
}
