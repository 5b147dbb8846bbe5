import { EVERYONE_GROUP } from "../../assignments/is-everyone-group";
import type { Db, DbTx } from "../../db/create-db-client";
import { buildServerSnapshot } from "./build-server-snapshot";
import type { ServerSnapshot } from "./types";

/**
 * Reads one authorization server's configuration and returns its immutable snapshot; null for an
 * unknown or INACTIVE server. The server row is read first, so the snapshot's configVersion is
 * never newer than its data: a change that lands during the reads only causes one more reload.
 *
 * `now` is accepted for symmetry with getServerSnapshot (the snapshot holds no time-dependent
 * state).
 */
export async function loadServerSnapshot(db: Db | DbTx, authServerId: string, now: Date): Promise<ServerSnapshot | null> {
  void now;
  const server = await db.authorizationServer.findUnique({
    where: { id: authServerId },
    select: { id: true, name: true, description: true, audiences: true, issuerMode: true, status: true, isDefault: true, configVersion: true },
  });
  if (!server || server.status !== "ACTIVE") return null;

  const [policies, scopes, claims, everyone] = await Promise.all([
    db.policy.findMany({
      where: { authServerId, status: "ACTIVE" },
      select: {
        id: true,
        name: true,
        status: true,
        priority: true,
        clientsInclude: true,
        rules: {
          where: { status: "ACTIVE" },
          select: {
            id: true,
            name: true,
            status: true,
            priority: true,
            conditions: true,
            accessTokenLifetimeMinutes: true,
            refreshTokenLifetimeMinutes: true,
            refreshTokenWindowMinutes: true,
            inlineHook: true,
          },
        },
      },
    }),
    db.scope.findMany({
      where: { authServerId },
      select: { name: true, description: true, consent: true, isDefault: true, metadataPublish: true, system: true },
    }),
    db.claim.findMany({
      where: { authServerId, status: "ACTIVE" },
      select: {
        id: true,
        name: true,
        status: true,
        claimType: true,
        valueType: true,
        value: true,
        groupFilterType: true,
        alwaysIncludeInToken: true,
        conditionScopes: true,
        system: true,
      },
    }),
    db.group.findFirst({ where: EVERYONE_GROUP, select: { id: true } }),
  ]);

  return buildServerSnapshot({ server, policies, scopes, claims, everyoneGroupId: everyone?.id ?? null });
}
