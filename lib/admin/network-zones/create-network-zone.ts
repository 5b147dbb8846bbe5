import { createNetworkZone as insertNetworkZone } from "../../network-zones/create-network-zone";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { networkZoneFields, networkZoneInput, requestedStatus, type NetworkZoneBody } from "./network-zone-input";
import { networkZoneJson } from "./network-zone-json";
import { networkZoneLogTarget } from "./network-zone-log-target";

/** POST /api/v1/zones {type: "IP", name, usage, gateways, proxies} -> 200 (SDK createNetworkZone), ACTIVE unless status says otherwise. */
export async function createNetworkZone(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runCreateNetworkZone(ctx, () => readJsonBody<NetworkZoneBody>(ctx.request)) };
}

/** createNetworkZone as a typed operation. */
export async function runCreateNetworkZone(ctx: OperationContext, body: Deferred<NetworkZoneBody>) {
  const input = parseInput(networkZoneInput, body(), "zone");
  const zone = await insertNetworkZone(ctx.db, { fields: networkZoneFields(input), status: requestedStatus(input), now: ctx.now() }, (tx, created) =>
    audit(tx, ctx, "zone.create", `Create network zone ${created.name}`, [networkZoneLogTarget(created)], { usage: created.usage }),
  );
  return networkZoneJson(ctx.orgUrl, zone);
}
