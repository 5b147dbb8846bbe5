import { bumpCacheVersion } from "../cache/bump-cache-version";
import type { Db, DbTx } from "../db/create-db-client";

/** The CacheVersion topic of the clients the token service authenticates (apps and their secrets). */
export const CLIENTS_TOPIC = "clients";

/** How long after a local change every client lookup on this instance re-checks the version. */
const LOCAL_CHANGE_WINDOW_MS = 1000;

const local = globalThis as unknown as { __idpClientsChangedUntil?: number };

/** Until when this instance's client lookups must re-check the version (ms since epoch). */
export function clientsChangedHereUntil(): number {
  return local.__idpClientsChangedUntil ?? -Infinity;
}

/**
 * Marks the client set as changed, inside the transaction that changes an app's status,
 * registration or secrets: other instances see the new CacheVersion within a second; this
 * instance re-checks the version on every lookup for the next second, so it sees the change as
 * soon as the transaction commits. (Creating an app needs no call: unknown clients are not cached.)
 */
export async function touchClients(tx: Db | DbTx, now: Date): Promise<void> {
  local.__idpClientsChangedUntil = Math.max(clientsChangedHereUntil(), now.getTime() + LOCAL_CHANGE_WINDOW_MS);
  await bumpCacheVersion(tx, CLIENTS_TOPIC, now);
}
