/** How the versioned caches behave while the database cannot be reached (README, "Database faults"). */
export type CacheSettings = {
  /** how long after its last successful version check a cached value is still served when a check fails; 0: never */
  maxStaleMs: number;
  /** how long a request holding a cached value waits for a due version check before answering from the cache */
  checkTimeoutMs: number;
};

export const DEFAULT_CACHE_SETTINGS: CacheSettings = { maxStaleMs: 60_000, checkTimeoutMs: 300 };
