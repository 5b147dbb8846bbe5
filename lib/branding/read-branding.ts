import { createVersionedCache, type VersionedCache } from "../cache/versioned-cache";
import type { CacheTopic } from "../db/cache-topics";
import type { Db } from "../db/create-db-client";
import { readCacheVersion } from "../db/read-cache-version";
import { findBrandInForce } from "./brand-records";
import { DEFAULT_BRANDING, resolveBranding, type Branding } from "./resolve-branding";

const TOPIC: CacheTopic = "branding";

// One cache per database client: each client stands for one instance's view of the database.
const caches = new WeakMap<Db, VersionedCache<Branding>>();

/**
 * The brand in force for the surfaces (every hosted page, the page titles), from an in-process
 * cache that re-reads the "branding" CacheVersion at most once a second and reloads only when it
 * moved: every write to Brand, BrandTheme or BrandImage moves it (lib/db/cache-topics.ts), so an
 * admin's change shows on this instance at once and on the others within a second. Rejects when
 * the database cannot be reached and nothing fresh enough is cached (the surfaces then fall back
 * to the neutral brand).
 */
export function readBranding(db: Db, now: Date): Promise<Branding> {
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionedCache<Branding>({
      topic: TOPIC,
      readVersion: () => readCacheVersion(db, TOPIC),
      load: async () => {
        const found = await findBrandInForce(db);
        return found ? resolveBranding(found.brand, found.theme) : DEFAULT_BRANDING;
      },
    });
    caches.set(db, cache);
  }
  return cache.get(now);
}
