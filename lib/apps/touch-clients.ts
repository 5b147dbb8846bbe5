import { bumpCacheVersion } from "../cache/bump-cache-version";
import type { Db, DbTx } from "../db/create-db-client";

/** The CacheVersion topic of the clients the token service authenticates (apps and their secrets). */
export const CLIENTS_TOPIC = "clients";

/**
 * Marks the client set as changed, inside the transaction that changes an app's status,
 * registration or secrets: other instances see the new CacheVersion within a second; this
 * instance's next lookup re-checks the version, so it sees the change at once (a lookup racing the
 * commit sees it within a second, as other instances do). Creating an app needs no call: unknown
 * clients are not cached.
 */
export async function touchClients(tx: Db | DbTx, now: Date): Promise<void> {
  await bumpCacheVersion(tx, CLIENTS_TOPIC, now);
}
