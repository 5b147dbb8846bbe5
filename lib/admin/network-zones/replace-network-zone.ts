import { replaceNetworkZone as saveNetworkZone } from "../../network-zones/replace-network-zone";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { assertZoneUnused } from "../../sign-on-policies/check-zone-references";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { networkZoneFields, networkZoneInput, type NetworkZoneBody } from "./network-zone-input";
import { networkZoneJson } from "./network-zone-json";
import { networkZoneLogTarget } from "./network-zone-log-target";

/**
 * PUT /api/v1/zones/:zoneId -> 200 (SDK replaceNetworkZone): name, usage and addresses; the status
 * is kept. A system zone keeps its name and usage; a zone a rule names cannot become a BLOCKLIST.
 */
export async function replaceNetworkZone(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceNetworkZone(ctx, ctx.request.params.zoneId ?? "", () => readJsonBody<NetworkZoneBody>(ctx.request)) };
}

/** replaceNetworkZone as a typed operation. */
export async function runReplaceNetworkZone(ctx: OperationContext, zoneId: string, body: Deferred<NetworkZoneBody>) {
  const input = parseInput(networkZoneInput, body(), "zone");
  const zone = await saveNetworkZone(ctx.db, { id: zoneId, fields: networkZoneFields(input), now: ctx.now() }, assertZoneUnused, (tx, { before, zone: saved }) =>
    audit(tx, ctx, "zone.update", `Update network zone ${saved.name}`, [networkZoneLogTarget(saved)], {
      ...(before.name !== saved.name ? { previousName: before.name } : {}),
      ...(before.usage !== saved.usage ? { previousUsage: before.usage } : {}),
    }),
  );
  return networkZoneJson(ctx.orgUrl, zone);
}
