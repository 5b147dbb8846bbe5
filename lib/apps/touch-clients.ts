import { bumpCacheVersion } from "../cache/bump-cache-version";
import type { Db, DbTx } from "../db/create-db-client";

/** The CacheVersion topic of the clients the token service authenticates (apps and their secrets). */
export const CLIENTS_TOPIC = "clients";

/**
 * How often this process changed a client. On globalThis: Next.js gives the instrumentation hook
 * and the route handlers separate module instances, and every client cache must see the change.
 */
const holder = globalThis as unknown as { __idpClientsGeneration?: number };

/** This process's client change counter (client caches re-check the version when it moved). */
export function clientsGeneration(): number {
  return holder.__idpClientsGeneration ?? 0;
}

/**
 * Marks the client set as changed, inside the transaction that changes an app's status,
 * registration or secrets: other instances see the new CacheVersion within a second; this
 * instance's next lookup re-checks the version, so it sees the change at once (a lookup racing the
 * commit sees it within a second, as other instances do). Creating an app needs no call: unknown
 * clients are not cached.
 */
export async function touchClients(tx: Db | DbTx, now: Date): Promise<void> {
  holder.__idpClientsGeneration = clientsGeneration() + 1;
  await bumpCacheVersion(tx, CLIENTS_TOPIC, now);
}
