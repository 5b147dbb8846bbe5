import type { ZoneSet } from "../network-zones/get-network-zones";
import type { AccessPolicySet } from "./get-org-policies";
import { matchPolicyRule } from "./match-policy-rule";
import type { AppSignOnActions, FactorMode } from "./org-policy-types";

export type AppSignOnDecision = {
  /** the policy and rule that decided; null when none matched */
  matched: { policyId: string; policyName: string; ruleId: string; ruleName: string } | null;
  factorMode: FactorMode;
};

/**
 * How many factors an app asks of a user, pure (Okta Identity Engine: the app's authentication
 * policy, ACCESS_POLICY; spec: AccessPolicyRuleApplicationSignOn.verificationMethod.factorMode):
 * the policy the app is assigned to, else the default one; its first ACTIVE rule whose people
 * and network conditions the user and the client address meet (by priority). An app whose policy is INACTIVE has the default one.
 * No match (impossible while the policy's Catch-all Rule exists, as it always does): 2FA, failing
 * closed.
 */
export function evaluateAppSignOn(set: AccessPolicySet, input: { appId: string; userId: string; groupIds: readonly string[]; ipAddress: string | null; zones: ZoneSet }): AppSignOnDecision {
  const assigned = set.appAccessPolicies.get(input.appId);
  const policy = (assigned !== undefined ? set.accessPolicies.get(assigned) : undefined) ?? (set.defaultAccessPolicyId !== null ? set.accessPolicies.get(set.defaultAccessPolicyId) : undefined);
  const found = policy ? matchPolicyRule([policy], { userId: input.userId, groupIds: input.groupIds, ipAddress: input.ipAddress, zones: input.zones, everyoneGroupId: set.everyoneGroupId }) : null;
  if (!found) return { matched: null, factorMode: "2FA" };
  const { appSignOn } = found.rule.actions as AppSignOnActions;
  return {
    matched: { policyId: found.policy.id, policyName: found.policy.name, ruleId: found.rule.id, ruleName: found.rule.name },
    factorMode: appSignOn.verificationMethod.factorMode,
  };
}
