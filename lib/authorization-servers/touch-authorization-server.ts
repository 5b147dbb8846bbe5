import type { DbTx } from "../db/create-db-client";

/**
 * Moves a server's lastUpdated with a change to something under it (policies, rules, scopes,
 * claims), taking the server row's write lock first, which serialises concurrent writers of its
 * priorities. Cache invalidation does not depend on it: the database bumps the server's
 * configVersion on every write to those tables (lib/db/cache-topics.ts), not on this one.
 */
export async function touchAuthorizationServer(tx: DbTx, authServerId: string, now: Date): Promise<void> {
  await tx.authorizationServer.update({ where: { id: authServerId }, data: { lastUpdated: now } });
}
