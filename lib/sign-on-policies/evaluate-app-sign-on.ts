import type { ZoneSet } from "../network-zones/get-network-zones";
import type { AccessPolicySet } from "./get-org-policies";
import { matchPolicyRule } from "./match-policy-rule";
import type { AppAccess, AppSignOnActions, FactorMode } from "./org-policy-types";
import { parseReauthenticateIn } from "./parse-reauthenticate-in";

export type AppSignOnDecision = {
  /** the policy and rule that decided; null when none matched */
  matched: { policyId: string; policyName: string; ruleId: string; ruleName: string } | null;
  access: AppAccess;
  factorMode: FactorMode;
  /** the rule's reauthenticateIn (as written) and its length in seconds; null when the rule sets none */
  reauthenticate: { period: string; seconds: number } | null;
  /** why the decision is DENY, for the System Log (never shown to the user) */
  denyReason: string | null;
};

/**
 * What an app's authentication policy (Okta Identity Engine: ACCESS_POLICY; spec:
 * AccessPolicyRuleApplicationSignOn) decides for a user, pure: the policy the app is assigned to,
 * else the default one; its first ACTIVE rule whose people and network conditions the user and the
 * client address meet (by priority)
 * gives access (ALLOW or DENY), how many factors (verificationMethod.factorMode) and how recent the
 * authentication must be (reauthenticateIn).
 * Fails closed: an app assigned to a policy that is not ACTIVE (deactivating a policy with apps is
 * refused, so only a race can leave one) is DENY, as is a rule whose reauthenticateIn does not parse
 * (the API never stores one); no matching rule (impossible while the policy's Catch-all Rule exists,
 * as it always does) is 2FA.
 */
export function evaluateAppSignOn(set: AccessPolicySet, input: { appId: string; userId: string; groupIds: readonly string[]; ipAddress: string | null; zones: ZoneSet }): AppSignOnDecision {
  const assigned = set.appAccessPolicies.get(input.appId);
  const policyId = assigned ?? set.defaultAccessPolicyId;
  const policy = policyId !== null ? set.accessPolicies.get(policyId) : undefined;
  if (!policy) {
    const reason = assigned !== undefined ? `the app's authentication policy ${assigned} is not ACTIVE` : "the org has no ACTIVE default authentication policy";
    return { matched: null, access: "DENY", factorMode: "2FA", reauthenticate: null, denyReason: `POLICY_INACTIVE: ${reason}` };
  }
  const found = matchPolicyRule([policy], { userId: input.userId, groupIds: input.groupIds, ipAddress: input.ipAddress, zones: input.zones, everyoneGroupId: set.everyoneGroupId });
  if (!found) return { matched: null, access: "ALLOW", factorMode: "2FA", reauthenticate: null, denyReason: null };
  const { appSignOn } = found.rule.actions as AppSignOnActions;
  const matched = { policyId: found.policy.id, policyName: found.policy.name, ruleId: found.rule.id, ruleName: found.rule.name };
  const { factorMode, reauthenticateIn } = appSignOn.verificationMethod;
  const seconds = reauthenticateIn === undefined ? null : parseReauthenticateIn(reauthenticateIn);
  if (reauthenticateIn !== undefined && seconds === null) {
    return { matched, access: "DENY", factorMode, reauthenticate: null, denyReason: `POLICY_INVALID: rule ${matched.ruleId} has an unreadable reauthenticateIn` };
  }
  return {
    matched,
    access: appSignOn.access,
    factorMode,
    reauthenticate: reauthenticateIn !== undefined && seconds !== null ? { period: reauthenticateIn, seconds } : null,
    denyReason: appSignOn.access === "DENY" ? `POLICY_DENY: rule "${matched.ruleName}" (${matched.ruleId}) of the app's authentication policy "${matched.policyName}" (${matched.policyId}) denies access` : null,
  };
}
