import { findNetworkZone } from "../../network-zones/find-network-zone";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { networkZoneJson } from "./network-zone-json";

/** GET /api/v1/zones/:zoneId -> 200, or 404 E0000007. */
export async function getNetworkZone(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetNetworkZone(ctx, ctx.request.params.zoneId ?? "") };
}

/** getNetworkZone as a typed operation. */
export async function runGetNetworkZone(ctx: OperationContext, zoneId: string) {
  return networkZoneJson(ctx.orgUrl, await findNetworkZone(ctx.db, zoneId));
}
