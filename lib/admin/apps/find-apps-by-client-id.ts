import { findAppsByClientId } from "../../apps/find-apps-by-client-id";
import type { OperationContext } from "../admin-request";

/**
 * Apps by client_id, as the dashboard's pickers show them (the Apps API filters by status and name
 * only, and access policies name their clients by client_id).
 */
export async function runFindAppsByClientId(ctx: OperationContext, clientIds: readonly string[]) {
  return findAppsByClientId(ctx.db, clientIds);
}
