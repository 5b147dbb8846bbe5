import { createVersionedCache, type VersionedCache } from "../cache/versioned-cache";
import type { CacheTopic } from "../db/cache-topics";
import type { Db } from "../db/create-db-client";
import { readCacheVersion } from "../db/read-cache-version";
import { compileZoneAddresses } from "./zone-address";
import type { ZoneAddress, ZoneUsage } from "./zone-types";

const TOPIC: CacheTopic = "network-zones";

/** An ACTIVE zone, ready to match client addresses (its gateways and proxies alike). */
export type ActiveZone = { id: string; name: string; usage: ZoneUsage; contains: (ip: string | null) => boolean };

/** The ACTIVE zones: by id (rule conditions) and the BLOCKLIST ones (credential checks). */
export type ZoneSet = { byId: ReadonlyMap<string, ActiveZone>; blocklists: readonly ActiveZone[] };

export const NO_ZONES: ZoneSet = { byId: new Map(), blocklists: [] };

// One cache per database client: each client stands for one instance's view of the database.
const caches = new WeakMap<Db, VersionedCache<ZoneSet>>();

/**
 * The ACTIVE network zones, read on every sign-in and credential check: an in-process copy that
 * re-reads the "network-zones" CacheVersion at most once a second and reloads (one query) only when
 * it moved; every write to NetworkZone moves it (lib/db/cache-topics.ts). No query on the warm path.
 */
export function getNetworkZones(db: Db, now: Date): Promise<ZoneSet> {
  let cache = caches.get(db);
  if (!cache) {
    cache = createVersionedCache<ZoneSet>({ topic: TOPIC, readVersion: () => readCacheVersion(db, TOPIC), load: () => loadZones(db) });
    caches.set(db, cache);
  }
  return cache.get(now);
}

async function loadZones(db: Db): Promise<ZoneSet> {
  const rows = await db.networkZone.findMany({ where: { status: "ACTIVE" }, orderBy: { id: "asc" }, select: { id: true, name: true, usage: true, gateways: true, proxies: true } });
  // Stored only through the Zones API's validated shapes (and the migration's empty system zones).
  const zones = rows.map(
    (row): ActiveZone => ({
      id: row.id,
      name: row.name,
      usage: row.usage as ZoneUsage,
      contains: compileZoneAddresses([...(row.gateways as ZoneAddress[]), ...(row.proxies as ZoneAddress[])]),
    }),
  );
  return { byId: new Map(zones.map((zone) => [zone.id, zone])), blocklists: zones.filter((zone) => zone.usage === "BLOCKLIST") };
}

/** The first ACTIVE BLOCKLIST zone that holds `ip` (unknown: none). */
export function blockingZone(zones: ZoneSet, ip: string | null): ActiveZone | null {
  return ip === null ? null : (zones.blocklists.find((zone) => zone.contains(ip)) ?? null);
}
