import { runCreateNetworkZone } from "../../admin/network-zones/create-network-zone";
import { runDeleteNetworkZone } from "../../admin/network-zones/delete-network-zone";
import type { NetworkZoneBody } from "../../admin/network-zones/network-zone-input";
import { runReplaceNetworkZone } from "../../admin/network-zones/replace-network-zone";
import { runActivateNetworkZone, runDeactivateNetworkZone } from "../../admin/network-zones/set-network-zone-status";
import { callOperation } from "../call-operation";
import { lines, text, type FormInput } from "../form-input";
import { idParam, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const ZONES_PAGE = "/admin/network-zones";

/** One entry per line (or comma): with a "/" a CIDR block, else a range ("first-last") or one address. */
export function zoneAddresses(form: FormInput, name: string): Array<{ type: string; value: string }> {
  return lines(form, name).map((value) => ({ type: value.includes("/") ? "CIDR" : "RANGE", value }));
}

/** The zone form: name, usage, gateways and proxies (an IP zone; the API validates every entry). */
export function networkZoneBody(form: FormInput): NetworkZoneBody {
  return { type: "IP", name: text(form, "name"), usage: text(form, "usage") || "POLICY", gateways: zoneAddresses(form, "gateways"), proxies: zoneAddresses(form, "proxies") };
}

const zoneId = (form: FormInput) => idParam(text(form, "zoneId"));

export const networkZoneActions: Record<string, DashboardAction> = {
  "zone.create": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runCreateNetworkZone(ctx, () => networkZoneBody(form))), (zone) => `Added network zone ${zone.name}.`, ZONES_PAGE),
  "zone.update": async (call, form) => outcome(await callOperation(call, (ctx) => runReplaceNetworkZone(ctx, zoneId(form), () => networkZoneBody(form))), "Saved the network zone.", ZONES_PAGE),
  "zone.activate": async (call, form) => outcome(await callOperation(call, (ctx) => runActivateNetworkZone(ctx, zoneId(form))), "Activated the network zone."),
  "zone.deactivate": async (call, form) => outcome(await callOperation(call, (ctx) => runDeactivateNetworkZone(ctx, zoneId(form))), "Deactivated the network zone."),
  "zone.delete": async (call, form) => outcome(await callOperation(call, (ctx) => runDeleteNetworkZone(ctx, zoneId(form))), "Deleted the network zone.", ZONES_PAGE),
};
