import { deleteNetworkZone as removeNetworkZone } from "../../network-zones/delete-network-zone";
import { assertZoneUnused } from "../../sign-on-policies/check-zone-references";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { networkZoneLogTarget } from "./network-zone-log-target";

/**
 * DELETE /api/v1/zones/:zoneId -> 204 (SDK deleteNetworkZone). Refused with E0000001 for a system
 * zone, an ACTIVE zone (deactivate it first, as Okta Identity Engine requires) and a zone a rule names.
 */
export async function deleteNetworkZone(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteNetworkZone(ctx, ctx.request.params.zoneId ?? "");
  return { status: 204 };
}

/** deleteNetworkZone as a typed operation. */
export async function runDeleteNetworkZone(ctx: OperationContext, zoneId: string): Promise<void> {
  await removeNetworkZone(ctx.db, { id: zoneId }, assertZoneUnused, (tx, zone) => audit(tx, ctx, "zone.delete", `Delete network zone ${zone.name}`, [networkZoneLogTarget(zone)]));
}
