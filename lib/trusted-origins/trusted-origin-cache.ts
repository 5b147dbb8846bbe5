import { readCacheVersion } from "../db/read-cache-version";
import { createVersionedCache, type VersionedCache } from "../cache/versioned-cache";
import type { CacheTopic } from "../db/cache-topics";
import type { Db } from "../db/create-db-client";

const TOPIC: CacheTopic = "trusted-origins";

export type TrustedOriginScopes = { cors: boolean; redirect: boolean; iframeEmbed: boolean };

/** ACTIVE trusted origins by their normalised origin. */
export type TrustedOriginMap = ReadonlyMap<string, TrustedOriginScopes>;

// One cache per database client: each client stands for one instance's view of the database.
const caches = new WeakMap<Db, VersionedCache<TrustedOriginMap>>();

/**
 * The ACTIVE trusted origins, from an in-process cache that re-reads the "trusted-origins"
 * CacheVersion at most once a second (by `now`) and reloads the list only when it moved (every
 * write to TrustedOrigin moves it: lib/db/cache-topics.ts).
 */
export function getTrustedOrigins(db: Db, now: Date): Promise<TrustedOriginMap> {
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionedCache<TrustedOriginMap>({
      topic: TOPIC,
      readVersion: () => readCacheVersion(db, TOPIC),
      load: async () => {
        const rows = await db.trustedOrigin.findMany({
          where: { status: "ACTIVE" },
          select: { origin: true, cors: true, redirect: true, iframeEmbed: true },
        });
        return new Map(rows.map(({ origin, ...scopes }) => [origin, scopes]));
      },
    });
    caches.set(db, cache);
  }
  return cache.get(now);
}
