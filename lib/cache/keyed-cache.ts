import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { DEFAULT_CHECK_INTERVAL_MS, type CacheVersionValue } from "./versioned-cache";

export type KeyedCacheOptions<T> = {
  /** entries kept; beyond it the least recently loaded is dropped (unknown keys cannot grow memory) */
  maxEntries: number;
  /**
   * How long a loaded entry is trusted while its version holds (a clock earlier than the load ends
   * it too); without it, until the version moves.
   */
  maxAgeMs?: number;
  /** an earlier end the value itself names (a JWKS document whose key stops being published) */
  expiresAt?(value: T): number;
  /** how long after a load failed because the database is unavailable the kept value answers without another try */
  retryMs?: number;
};

export type KeyedCache<T> = {
  /** The entry of `key` when it is of `version` and fresh at `nowMs`; no promise, no query. */
  peek(key: string, version: CacheVersionValue, nowMs?: number): T | undefined;
  /**
   * The fresh entry, else `load(now)`'s value (stored). When that load fails because the database
   * is unavailable and the entry kept is of the same version, the kept value answers.
   */
  get(key: string, version: CacheVersionValue, now: Date, load: (now: Date) => Promise<T>): Promise<T>;
  /** `load(now)`'s value (stored), whatever is cached: the caller needs what the kept value lacks; a failure rejects. */
  reload(key: string, version: CacheVersionValue, now: Date, load: (now: Date) => Promise<T>): Promise<T>;
  /** Stores a value built synchronously (a parse) and returns it. */
  put(key: string, version: CacheVersionValue, value: T, nowMs?: number): T;
};

type Entry<T> = {
  version: CacheVersionValue;
  value: T;
  /** fresh from `notBefore` (the load, with a max age) up to `expiresAt` */
  notBefore: number;
  expiresAt: number;
  /** a load failed because the database was unavailable: the kept value answers until then */
  keptUntil: number;
};

type Load<T> = { version: CacheVersionValue; promise: Promise<T> };

/**
 * The keyed form of the versioned cache (lib/cache/versioned-cache.ts): values per key, each tagged
 * with a version the CALLER holds, one a versioned cache vouches for (an authorization server's
 * configVersion from its snapshot, an app's lastUpdated). So the warm path is in memory only: no
 * version read, no promise (`peek`). An entry is reloaded when the caller's version differs, when
 * it is older than `maxAgeMs` (or the clock moved back before its load), or past the `expiresAt`
 * its value names. Concurrent loads of one key and version share one round trip; the least
 * recently loaded entry is dropped beyond `maxEntries`.
 *
 * While the database is unavailable it fails open for a bounded staleness: a due reload of an
 * entry whose version the caller still holds waits for its load (bounded by the database
 * deadlines) and answers the kept value when the load fails because the database is unavailable;
 * it is tried again after `retryMs` (an outage costs one load a second, not one per request). The
 * bound is the caller's: its version comes from a versioned cache (lib/cache/versioned-cache.ts)
 * that stops serving past CACHE_MAX_STALE_SECONDS. An entry of another version, or none, waits
 * for its load and a failure rejects the caller, as does every other failure and a forced
 * `reload` (the caller needs what the kept value lacks).
 */
export function createKeyedCache<T>(options: KeyedCacheOptions<T>): KeyedCache<T> {
  const entries = new Map<string, Entry<T>>();
  const loading = new Map<string, Load<T>>();
  const retryMs = options.retryMs ?? DEFAULT_CHECK_INTERVAL_MS;

  function fresh(entry: Entry<T>, version: CacheVersionValue, nowMs: number): boolean {
    return entry.version === version && nowMs < entry.expiresAt && nowMs >= entry.notBefore;
  }

  function store(key: string, version: CacheVersionValue, value: T, nowMs: number): T {
    const maxAge = options.maxAgeMs;
    const aged = maxAge === undefined ? Number.POSITIVE_INFINITY : nowMs + maxAge;
    const named = options.expiresAt ? options.expiresAt(value) : Number.POSITIVE_INFINITY;
    entries.delete(key);
    entries.set(key, { version, value, notBefore: maxAge === undefined ? Number.NEGATIVE_INFINITY : nowMs, expiresAt: Math.min(aged, named), keptUntil: 0 });
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries) break;
      entries.delete(oldest);
    }
    return value;
  }

  function start(key: string, version: CacheVersionValue, now: Date, load: (now: Date) => Promise<T>): Load<T> {
    const running = loading.get(key);
    if (running !== undefined && running.version === version) return running;
    const nowMs = now.getTime();
    const flight: Load<T> = {
      version,
      promise: load(now).then(
        (value) => {
          if (loading.get(key) === flight) loading.delete(key);
          return store(key, version, value, nowMs);
        },
        (error: unknown) => {
          if (loading.get(key) === flight) loading.delete(key);
          const kept = entries.get(key);
          if (kept !== undefined && kept.version === version && isDatabaseUnavailable(error)) kept.keptUntil = nowMs + retryMs;
          throw error;
        },
      ),
    };
    loading.set(key, flight);
    return flight;
  }

  return {
    peek(key, version, nowMs = 0) {
      const entry = entries.get(key);
      return entry !== undefined && fresh(entry, version, nowMs) ? entry.value : undefined;
    },
    async get(key, version, now, load) {
      const nowMs = now.getTime();
      const entry = entries.get(key);
      if (entry === undefined || entry.version !== version) return start(key, version, now, load).promise;
      if (fresh(entry, version, nowMs) || (nowMs < entry.keptUntil && nowMs >= entry.keptUntil - retryMs)) return entry.value;
      try {
        return await start(key, version, now, load).promise;
      } catch (error) {
        if (isDatabaseUnavailable(error)) return entry.value;
        throw error;
      }
    },
    reload: (key, version, now, load) => start(key, version, now, load).promise,
    put: (key, version, value, nowMs = 0) => store(key, version, value, nowMs),
  };
}

/** One cache per database client (tests open several; each stands for one instance's view of the database). */
export function perDatabaseClient<C>(create: () => C): { of(db: object): C; reset(): void } {
  let caches = new WeakMap<object, C>();
  return {
    of(db) {
      let cache = caches.get(db);
      if (cache === undefined) caches.set(db, (cache = create()));
      return cache;
    },
    reset() {
      caches = new WeakMap();
    },
  };
}
