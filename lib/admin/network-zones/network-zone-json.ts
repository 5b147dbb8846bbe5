import type { NetworkZone } from "../../db/generated/sqlite/client";
import type { ZoneAddress } from "../../network-zones/zone-types";
import { isoTime, link } from "../../okta-api/links";

/** The zones' path. */
export const ZONES_PATH = "/api/v1/zones";

/**
 * Okta's IP Network Zone object (SDK IPNetworkZone): an empty gateways or proxies list is null, as
 * Okta gives it. A system zone cannot be deleted: its links do not offer DELETE.
 */
export function networkZoneJson(orgUrl: string, zone: NetworkZone) {
  const base = `${ZONES_PATH}/${zone.id}`;
  const list = (value: unknown) => {
    const entries = value as ZoneAddress[];
    return entries.length > 0 ? entries.map((entry) => ({ type: entry.type, value: entry.value })) : null;
  };
  return {
    type: zone.type,
    id: zone.id,
    name: zone.name,
    status: zone.status,
    usage: zone.usage,
    created: isoTime(zone.created),
    lastUpdated: isoTime(zone.lastUpdated),
    system: zone.system,
    gateways: list(zone.gateways),
    proxies: list(zone.proxies),
    _links: {
      self: link(orgUrl, base, zone.system ? ["GET", "PUT"] : ["GET", "PUT", "DELETE"]),
      ...(zone.status === "ACTIVE" ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`, ["POST"]) } : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]) }),
    },
  };
}

export type NetworkZoneJson = ReturnType<typeof networkZoneJson>;
