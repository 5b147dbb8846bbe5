/**
 * Okta's Network Zones (spec: developer.okta.com/docs/api/openapi/okta-management/management/tag/NetworkZone,
 * SDK: IPNetworkZone, NetworkZoneAddress) as this server keeps them: IP zones only. DYNAMIC and
 * DYNAMIC_V2 zones match by geolocation, ASN and IP service category, data this server does not have
 * offline: they are refused by name.
 */
export const ZONE_TYPES = ["IP"] as const;
export const UNSUPPORTED_ZONE_TYPES = ["DYNAMIC", "DYNAMIC_V2"] as const;
export const ZONE_USAGES = ["POLICY", "BLOCKLIST"] as const;
export type ZoneUsage = (typeof ZONE_USAGES)[number];
export type ZoneStatus = "ACTIVE" | "INACTIVE";

/** NetworkZoneAddress: a CIDR block ("10.0.0.0/8", "2001:db8::/32") or a RANGE ("10.0.0.1-10.0.0.9", or one address). */
export const ZONE_ADDRESS_TYPES = ["CIDR", "RANGE"] as const;
export type ZoneAddress = { type: (typeof ZONE_ADDRESS_TYPES)[number]; value: string };

/**
 * Entries per list (Okta's limits: 150 gateways or proxies in an admin-created zone, 1000 gateways in
 * a blocklist zone, 5000 in a system zone).
 */
export function maxZoneEntries(zone: { usage: ZoneUsage; system: boolean }, list: "gateways" | "proxies"): number {
  if (zone.system) return 5000;
  return zone.usage === "BLOCKLIST" && list === "gateways" ? 1000 : 150;
}

/** What a create or replace writes. */
export type NetworkZoneFields = {
  name: string;
  usage: ZoneUsage;
  gateways: ZoneAddress[];
  proxies: ZoneAddress[];
};

/** The system zones' names (seeded by the migration "network_zones"). */
export const SYSTEM_ZONE_NAMES = ["LegacyIpZone", "BlockedIpZone"] as const;
