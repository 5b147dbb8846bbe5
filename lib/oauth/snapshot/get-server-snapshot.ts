import { markTopicChanged, topicGeneration } from "../../cache/topic-generations";
import type { Db } from "../../db/create-db-client";
import { loadServerSnapshot } from "./load-server-snapshot";
import type { ServerSnapshot } from "./types";

/** A warm entry is trusted this long; after it, one indexed read of the server's configVersion. */
export const SNAPSHOT_CHECK_INTERVAL_MS = 1000;
/** Entries kept per database client; the oldest is dropped beyond it (unknown ids cannot grow memory). */
export const SNAPSHOT_CACHE_MAX_ENTRIES = 1000;

type Entry = {
  snapshot: ServerSnapshot | null;
  /** configVersion and status the entry was built from; null when the server did not exist */
  version: number | null;
  status: string | null;
  checkedAt: number;
  /** this process's change counter for the server when the entry was checked (markServerSnapshotStale) */
  generation: number;
};

type Cache = { entries: Map<string, Entry>; refreshing: Map<string, Promise<Entry>> };

/** One cache per database client (tests open several), keyed by server id. */
let caches = new WeakMap<Db, Cache>();

/** The "changed here" counter of one server's configuration (lib/cache/topic-generations: process-wide). */
const snapshotTopic = (authServerId: string) => `authorization-server:${authServerId}`;

/**
 * Called where this instance changes a server's configuration (admin changes, key rotation): the
 * next read of that server on this instance re-checks its configVersion, so the change is seen at
 * once instead of within a second (a read racing the change's commit sees it within a second, as
 * other instances do through the configVersion bump).
 */
export function markServerSnapshotStale(authServerId: string): void {
  markTopicChanged(snapshotTopic(authServerId));
}

/**
 * The snapshot of an ACTIVE authorization server (null for an unknown or INACTIVE one) from an
 * in-process cache that stays coherent across instances:
 * - within SNAPSHOT_CHECK_INTERVAL_MS of the last check, no query at all;
 * - after it, one primary-key read of `{configVersion, status}`; the snapshot is reloaded only when
 *   either moved (the admin API bumps configVersion on every change to the server or anything
 *   under it, on any instance), so a change is seen within a second. A cold entry costs the
 *   same read plus the load;
 * - a clock that moved backwards forces a check;
 * - concurrent callers for one server share one refresh;
 * - a failed refresh rejects the caller and leaves the previous entry in place, so the next call
 *   retries;
 * - unknown ids are cached too (as null, for the same interval), in a map bounded by
 *   SNAPSHOT_CACHE_MAX_ENTRIES.
 */
export async function getServerSnapshot(db: Db, authServerId: string, now: Date): Promise<ServerSnapshot | null> {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), refreshing: new Map() };
    caches.set(db, cache);
  }
  const nowMs = now.getTime();
  const current = cache.entries.get(authServerId);
  const generation = topicGeneration(snapshotTopic(authServerId));
  if (current && current.generation === generation && nowMs >= current.checkedAt && nowMs - current.checkedAt < SNAPSHOT_CHECK_INTERVAL_MS) return current.snapshot;

  let refreshing = cache.refreshing.get(authServerId);
  if (!refreshing) {
    const owner = cache;
    refreshing = refresh(db, authServerId, now, current, generation).then(
      (entry) => {
        owner.refreshing.delete(authServerId);
        store(owner.entries, authServerId, entry);
        return entry;
      },
      (error: unknown) => {
        owner.refreshing.delete(authServerId);
        throw error;
      },
    );
    cache.refreshing.set(authServerId, refreshing);
  }
  return (await refreshing).snapshot;
}

/** Forgets every cached snapshot (tests). */
export function resetServerSnapshotCache(): void {
  caches = new WeakMap();
}

/**
 * The version is read before the data: a change landing between the two reads leaves an older
 * version beside newer data, which only causes one extra reload later, never a stale entry.
 */
async function refresh(db: Db, authServerId: string, now: Date, previous: Entry | undefined, generation: number): Promise<Entry> {
  const nowMs = now.getTime();
  const row = await db.authorizationServer.findUnique({ where: { id: authServerId }, select: { configVersion: true, status: true } });
  const version = row?.configVersion ?? null;
  const status = row?.status ?? null;
  if (previous && version === previous.version && status === previous.status) return { ...previous, checkedAt: nowMs, generation };
  const snapshot = status === "ACTIVE" ? await loadServerSnapshot(db, authServerId, now) : null;
  return { snapshot, version, status, checkedAt: nowMs, generation };
}

function store(entries: Map<string, Entry>, key: string, entry: Entry): void {
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > SNAPSHOT_CACHE_MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (oldest.done) break;
    entries.delete(oldest.value);
  }
}
