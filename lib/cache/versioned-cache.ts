import { getCacheSettings } from "../config/get-cache-settings";
import { isDatabaseUnavailable } from "../db/is-database-unavailable";
import { topicGeneration } from "../db/topic-generations";

/** How often a warm cache asks the database whether its topic changed. */
export const DEFAULT_CHECK_INTERVAL_MS = 1000;

/** A version: a CacheVersion number, or anything compared with === (a server's configVersion and status). */
export type CacheVersionValue = number | string | null;

export type VersionedCacheSource<T> = {
  /** the CacheVersion topic: a change this process makes to it (marked by lib/db/mark-cache-writes.ts) is seen at once */
  topic?: string;
  /** the topic's current version (one indexed read) */
  readVersion(): Promise<CacheVersionValue>;
  /** the whole cached value, read afresh, for the version just read */
  load(version: CacheVersionValue, now: Date): Promise<T>;
  checkIntervalMs?: number;
  /** CACHE_MAX_STALE_SECONDS and CACHE_CHECK_TIMEOUT_MS unless given (tests) */
  maxStaleMs?: number;
  checkTimeoutMs?: number;
};

export type VersionedCache<T> = {
  /** The cached value, refreshed first when the last version check is at least the interval old. */
  get(now: Date): Promise<T>;
};

type State<T> = {
  version: CacheVersionValue;
  value: T;
  /** when the version was last read successfully: staleness counts from here */
  confirmedAt: number;
  /** when a check was last attempted (= confirmedAt unless it failed): the interval counts from here */
  attemptedAt: number;
  /** this process changed the topic and no check has succeeded since: never served without one */
  dirty: boolean;
};

/**
 * An in-process copy of a small, rarely changing data set, kept coherent across instances by a
 * version number in the database. A warm read within the check interval costs no query; after it,
 * one version read, and a reload only when the version moved. Concurrent refreshes share one
 * round trip.
 *
 * While the database is unavailable (lib/db/is-database-unavailable.ts) the cache fails open for a
 * bounded staleness, then closed: a value whose last successful check is less than `maxStaleMs` old
 * is still served when a check fails, and a due check that has not answered within
 * `checkTimeoutMs` (a frozen database) is left to finish in the background while the request is
 * answered from the cache. Past `maxStaleMs`, with nothing cached, or after this process changed
 * the topic itself, the request waits for the check (bounded by the database deadlines) and its
 * failure rejects the caller. Any other failure rejects the caller too, and the next call checks
 * again; a check that failed because the database is unavailable is retried after the interval
 * (at once when the value has become too stale), so an outage costs one check a second, not one
 * per request.
 *
 * The version is read before the data: a change landing between the two reads leaves an older
 * version beside newer data, which only causes one extra reload later, never a stale value.
 */
export function createVersionedCache<T>(source: VersionedCacheSource<T>): VersionedCache<T> {
  const interval = source.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
  let state: State<T> | null = null;
  let refreshing: Promise<State<T>> | null = null;
  /** performance.now() by which a request holding a cached value stops waiting for `refreshing` */
  let waitUntil = 0;
  let generation = source.topic === undefined ? 0 : topicGeneration(source.topic);

  async function refresh(now: Date, previous: State<T> | null): Promise<State<T>> {
    const nowMs = now.getTime();
    const version = await source.readVersion();
    if (previous && previous.version === version) return { ...previous, confirmedAt: nowMs, attemptedAt: nowMs, dirty: false };
    return { version, value: await source.load(version, now), confirmedAt: nowMs, attemptedAt: nowMs, dirty: false };
  }

  function startRefresh(now: Date, previous: State<T> | null, checkTimeoutMs: number): Promise<State<T>> {
    const nowMs = now.getTime();
    waitUntil = performance.now() + checkTimeoutMs;
    return refresh(now, previous).then(
      (next) => {
        state = next;
        refreshing = null;
        return next;
      },
      (error: unknown) => {
        refreshing = null;
        if (state && isDatabaseUnavailable(error)) state = { ...state, attemptedAt: nowMs };
        throw error;
      },
    );
  }

  return {
    async get(now) {
      const nowMs = now.getTime();
      const maxStaleMs = source.maxStaleMs ?? getCacheSettings().maxStaleMs;
      const checkTimeoutMs = source.checkTimeoutMs ?? getCacheSettings().checkTimeoutMs;
      // This process changed the topic since the last read (through either module instance).
      if (source.topic !== undefined && generation !== (generation = topicGeneration(source.topic)) && state) state = { ...state, dirty: true };
      const current = state;
      // A clock that moved backwards (another instance's time, a test) also forces a check.
      const withinInterval = current !== null && !current.dirty && nowMs >= current.attemptedAt && nowMs - current.attemptedAt < interval;
      const servable = current !== null && !current.dirty && nowMs >= current.confirmedAt && nowMs - current.confirmedAt < maxStaleMs;
      if (withinInterval && (current.attemptedAt === current.confirmedAt || servable)) return current.value;
      refreshing ??= startRefresh(now, current, checkTimeoutMs);
      if (!servable) return (await refreshing).value;
      return answerWithin(refreshing, current.value, waitUntil - performance.now());
    },
  };
}

/** The refreshed value if it comes within `waitMs`; else, or when the database is unavailable, `cached`. */
async function answerWithin<T>(refreshing: Promise<State<T>>, cached: T, waitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(cached), Math.max(0, waitMs));
  });
  const refreshed = refreshing.then(
    (next) => next.value,
    (error: unknown) => {
      if (isDatabaseUnavailable(error)) return cached;
      throw error;
    },
  );
  try {
    return await Promise.race([refreshed, timeUp]);
  } finally {
    clearTimeout(timer);
  }
}
