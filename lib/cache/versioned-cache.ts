import { topicGeneration } from "./topic-generations";

/** How often a warm cache asks the database whether its topic changed. */
export const DEFAULT_CHECK_INTERVAL_MS = 1000;

export type VersionedCacheSource<T> = {
  /** the CacheVersion topic: a change this process makes to it (bumpCacheVersion) is seen at once */
  topic?: string;
  /** the topic's current version (one indexed read of CacheVersion) */
  readVersion(): Promise<number>;
  /** the whole cached value, read afresh */
  load(): Promise<T>;
  checkIntervalMs?: number;
};

export type VersionedCache<T> = {
  /** The cached value, refreshed first when the last version check is at least the interval old. */
  get(now: Date): Promise<T>;
};

type State<T> = { version: number; value: T; checkedAt: number };

/**
 * An in-process copy of a small, rarely changing data set, kept coherent across instances by a
 * version number in the database. A warm read within the check interval costs no query; after it,
 * one version read, and a reload only when the version moved. Concurrent refreshes share one
 * round trip. A failed refresh leaves the previous state in place and rejects the caller, so the
 * next call tries again.
 *
 * The version is read before the data: a change landing between the two reads leaves an older
 * version beside newer data, which only causes one extra reload later, never a stale value.
 */
export function createVersionedCache<T>(source: VersionedCacheSource<T>): VersionedCache<T> {
  const interval = source.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
  let state: State<T> | null = null;
  let refreshing: Promise<State<T>> | null = null;
  let generation = source.topic === undefined ? 0 : topicGeneration(source.topic);

  async function refresh(nowMs: number, previous: State<T> | null): Promise<State<T>> {
    const version = await source.readVersion();
    if (previous && previous.version === version) return { ...previous, checkedAt: nowMs };
    return { version, value: await source.load(), checkedAt: nowMs };
  }

  return {
    async get(now) {
      const nowMs = now.getTime();
      const current = state;
      // This process changed the topic since the last read (through either module instance).
      const changedHere = source.topic !== undefined && generation !== (generation = topicGeneration(source.topic));
      // A clock that moved backwards (another instance's time, a test) also forces a check.
      if (current && !changedHere && nowMs >= current.checkedAt && nowMs - current.checkedAt < interval) return current.value;
      if (!refreshing) {
        refreshing = refresh(nowMs, current).then(
          (next) => {
            state = next;
            refreshing = null;
            return next;
          },
          (error: unknown) => {
            refreshing = null;
            throw error;
          },
        );
      }
      return (await refreshing).value;
    },
  };
}
