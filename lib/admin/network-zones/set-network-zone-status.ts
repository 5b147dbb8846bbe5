import { setNetworkZoneStatus } from "../../network-zones/set-network-zone-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { networkZoneJson } from "./network-zone-json";
import { networkZoneLogTarget } from "./network-zone-log-target";

/**
 * POST /api/v1/zones/:zoneId/lifecycle/activate|deactivate -> 200 with the zone (SDK
 * activateNetworkZone / deactivateNetworkZone). An INACTIVE zone holds no address for the rules and
 * blocks nothing. Asking for the current status changes and logs nothing.
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, zoneId: string) => {
    const verb = status === "ACTIVE" ? "activate" : "deactivate";
    const zone = await setNetworkZoneStatus(ctx.db, { id: zoneId, status, now: ctx.now() }, (tx, saved) =>
      audit(tx, ctx, `zone.${verb}`, `${status === "ACTIVE" ? "Activate" : "Deactivate"} network zone ${saved.name}`, [networkZoneLogTarget(saved)]),
    );
    return networkZoneJson(ctx.orgUrl, zone);
  };
}

/** The typed operations. */
export const runActivateNetworkZone = setStatus("ACTIVE");
export const runDeactivateNetworkZone = setStatus("INACTIVE");

function endpoint(run: typeof runActivateNetworkZone): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => ({ status: 200, body: await run(ctx, ctx.request.params.zoneId ?? "") });
}

export const activateNetworkZone = endpoint(runActivateNetworkZone);
export const deactivateNetworkZone = endpoint(runDeactivateNetworkZone);
