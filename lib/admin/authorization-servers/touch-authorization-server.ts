import type { DbTx } from "../../db/create-db-client";
import { markServerSnapshotStale } from "../../oauth/snapshot/get-server-snapshot";

/**
 * Marks a server's configuration as changed (policies, rules, scopes, claims, keys): bumps its
 * configVersion, which the token service's caches compare on every instance.
 */
export async function touchAuthorizationServer(tx: DbTx, authServerId: string, now: Date): Promise<void> {
  await tx.authorizationServer.update({ where: { id: authServerId }, data: { configVersion: { increment: 1 }, lastUpdated: now } });
  markServerSnapshotStale(authServerId);
}
