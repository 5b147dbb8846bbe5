import type { Db } from "../db/create-db-client";

/**
 * Apps by client_id, as the dashboard's pickers show them (access policies name their clients by
 * client_id): id, client_id, label and status. One query on the unique clientId index.
 */
export async function findAppsByClientId(db: Db, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db.app.findMany({ where: { clientId: { in: [...clientIds] } }, select: { id: true, clientId: true, label: true, status: true } });
}
