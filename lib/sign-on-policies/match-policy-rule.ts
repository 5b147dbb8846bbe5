import type { ZoneSet } from "../network-zones/get-network-zones";
import type { ActivePolicy, ActiveRule } from "./get-org-policies";
import type { NetworkCondition, OrgRuleConditions } from "./org-policy-types";

/**
 * Who is signing in, and from where. `groupIds`: the user's explicit group memberships;
 * `ipAddress`: the client address (lib/http/client-address.ts; null when unknown); `zones`: the
 * ACTIVE network zones (getNetworkZones).
 */
export type Subject = { userId: string; groupIds: readonly string[]; ipAddress: string | null; zones: ZoneSet; everyoneGroupId: string | null };

/**
 * Okta's policy evaluation ("Policy evaluation"): the policies in priority order; the first whose
 * conditions the subject meets and that has a rule whose conditions it meets decides, with that
 * rule (the first such by rule priority). A policy with no matching rule gives way to the next.
 * null when nothing matches (never with the default policy and rule, which match everyone).
 */
export function matchPolicyRule(policies: readonly ActivePolicy[], subject: Subject): { policy: ActivePolicy; rule: ActiveRule } | null {
  const groups = new Set(subject.groupIds);
  if (subject.everyoneGroupId) groups.add(subject.everyoneGroupId);
  for (const policy of policies) {
    // Policy conditions: people.groups.include only (an empty list applies to everyone).
    if (policy.groupsInclude.length > 0 && !policy.groupsInclude.some((id) => groups.has(id))) continue;
    const rule = policy.rules.find((candidate) => ruleMatches(candidate.conditions, subject.userId, groups) && networkMatches(candidate.conditions.network, subject));
    if (rule) return { policy, rule };
  }
  return null;
}

/**
 * People: excluded when listed in users.exclude or a member of a group in groups.exclude; else
 * included when both include lists are empty, or listed in users.include, or a member of a group
 * in groups.include (the Everyone group contains every user).
 */
function ruleMatches(conditions: OrgRuleConditions, userId: string, groups: ReadonlySet<string>): boolean {
  const { users, groups: groupCondition } = conditions.people;
  if (users.exclude.includes(userId) || groupCondition.exclude.some((id) => groups.has(id))) return false;
  const everyone = users.include.length === 0 && groupCondition.include.length === 0;
  const included = everyone || users.include.includes(userId) || groupCondition.include.some((id) => groups.has(id));
  return included;
}

/**
 * Network: ANYWHERE matches every address. ZONE with `include`: the client address is in one of the
 * listed zones that is ACTIVE; with `exclude`: it is in none of them. An INACTIVE (or deleted) zone
 * holds no address, and neither does an unknown address: an include rule then does not match, an
 * exclude rule does (the next rules, ending with the default, decide otherwise).
 */
export function networkMatches(network: NetworkCondition, subject: Pick<Subject, "ipAddress" | "zones">): boolean {
  if (network.connection === "ANYWHERE") return true;
  const inZone = (id: string) => subject.zones.byId.get(id)?.contains(subject.ipAddress) === true;
  return network.include.length > 0 ? network.include.some(inZone) : !network.exclude.some(inZone);
}
