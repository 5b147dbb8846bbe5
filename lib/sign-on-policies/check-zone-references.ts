import type { NetworkZone } from "../db/generated/sqlite/client";
import type { DbTx } from "../db/create-db-client";
import type { InTransaction } from "../db/record-change";
import { lockNetworkZones } from "../network-zones/lock-network-zones";
import { validationError } from "../okta-api/admin-api-error";
import type { NetworkCondition, OrgRuleConditions } from "./org-policy-types";

/**
 * A ZONE condition may only name POLICY network zones that exist (E0000001 naming the unknown ids,
 * or the BLOCKLIST ones: a blocklist zone refuses its addresses before any policy is evaluated).
 * The zones' rows stay locked until the rule's transaction ends (lockNetworkZones), so a concurrent
 * delete of a named zone waits and then sees the rule.
 */
export async function checkZoneReferences(tx: InTransaction, network: NetworkCondition): Promise<void> {
  if (network.connection !== "ZONE") return;
  const [field, ids] = network.include.length > 0 ? ["conditions.network.include", network.include] : ["conditions.network.exclude", network.exclude];
  const found = new Map((await lockNetworkZones(tx, ids)).map((zone) => [zone.id, zone]));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) throw validationError(field, [`${field}: Unknown zone id${unknown.length === 1 ? "" : "s"}: ${unknown.join(", ")}.`]);
  const blocklists = ids.filter((id) => found.get(id)!.usage !== "POLICY");
  if (blocklists.length > 0) throw validationError(field, [`${field}: Rules name POLICY zones; ${blocklists.join(", ")} ${blocklists.length === 1 ? "is a BLOCKLIST zone" : "are BLOCKLIST zones"}.`]);
}

/** The zones a rule's network condition names. */
export function zonesOf(conditions: OrgRuleConditions): string[] {
  return conditions.network.connection === "ZONE" ? [...conditions.network.include, ...conditions.network.exclude] : [];
}

/**
 * Refuses (E0000001) to delete a zone, or to make it a BLOCKLIST, while a rule names it (Okta:
 * "You can't delete a Network Zone that's used by a Policy or Rule"): the error names the rules.
 * lib/network-zones calls it inside its write, after locking the zone's row.
 */
export async function assertZoneUnused(tx: DbTx, zone: NetworkZone): Promise<void> {
  const rules = await tx.orgPolicyRule.findMany({ select: { id: true, name: true, policyId: true, conditions: true }, orderBy: { id: "asc" } });
  const using = rules.filter((rule) => zonesOf(rule.conditions as OrgRuleConditions).includes(zone.id));
  if (using.length === 0) return;
  const names = using.slice(0, 5).map((rule) => `'${rule.name}' (${rule.id} of policy ${rule.policyId})`);
  throw validationError("id", [`id: The zone ${zone.name} is used by ${using.length === 1 ? "the rule" : `${using.length} rules:`} ${names.join(", ")}${using.length > 5 ? ", ..." : ""}. Remove it from the rules first.`]);
}
