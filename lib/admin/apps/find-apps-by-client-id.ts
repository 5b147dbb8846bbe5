import type { OperationContext } from "../admin-request";

/**
 * Apps by client_id, as the dashboard's pickers show them (the Apps API filters by status and name
 * only, and access policies name their clients by client_id). One query on the unique clientId index.
 */
export async function runFindAppsByClientId(ctx: OperationContext, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return ctx.db.app.findMany({ where: { clientId: { in: [...clientIds] } }, select: { clientId: true, label: true, status: true } });
}
