import type { DbTx } from "../db/create-db-client";
import type { NetworkZone } from "../db/generated/sqlite/client";
import { validationError } from "../okta-api/admin-api-error";
import { maxZoneEntries, type NetworkZoneFields } from "./zone-types";

/** E0000001 on name: zone names are unique in the org (a unique index backs this check). */
export function duplicateZoneNameError(name: string) {
  return validationError("name", [`name: An object with this field already exists in the current organization (a network zone named '${name}').`]);
}

/**
 * The checks of a create or replace that need the zone's kind or the database: the entry limits
 * (maxZoneEntries), at least one gateway or proxy (Okta: "Configure at least one gateway or proxy
 * in an IP zone"; a system zone may be empty, as it starts), a free name.
 */
export async function checkZoneFields(tx: DbTx, fields: NetworkZoneFields, zone: { id: string | null; system: boolean }): Promise<void> {
  const causes: Array<[string, string]> = [];
  for (const list of ["gateways", "proxies"] as const) {
    const max = maxZoneEntries({ usage: fields.usage, system: zone.system }, list);
    if (fields[list].length > max) causes.push([list, `${list}: At most ${max} entries are allowed in the ${list} of ${zone.system ? "a system" : fields.usage === "BLOCKLIST" ? "a BLOCKLIST" : "a"} zone.`]);
  }
  if (!zone.system && fields.gateways.length === 0 && fields.proxies.length === 0) causes.push(["gateways", "gateways: Give at least one gateway or proxy (CIDR or RANGE) for an IP zone."]);
  if (causes.length > 0) throw validationError(causes[0]![0], causes.map(([, cause]) => cause));
  const sameName = await tx.networkZone.findFirst({ where: { name: fields.name, ...(zone.id ? { id: { not: zone.id } } : {}) }, select: { id: true } });
  if (sameName) throw duplicateZoneNameError(fields.name);
}

/**
 * A check another module makes before a zone is deleted or stops being usable by rules (its usage
 * becomes BLOCKLIST), inside the write's transaction: lib/sign-on-policies refuses when a rule names
 * the zone. The zone's row is locked first (lockNetworkZones), so a rule written meanwhile either
 * committed before (and is seen) or waits for this write (and then finds the zone gone or changed).
 */
export type ZoneInUseCheck = (tx: DbTx, zone: NetworkZone) => Promise<void>;
