import type { LogTarget } from "../../system-log/write-system-log";

type Named = { id: string; name: string; type: string };

/** System Log targets of a policy event (Okta: the PolicyEntity, with its type). */
export function orgPolicyLogTargets(policy: Named): LogTarget[] {
  return [{ id: policy.id, type: "PolicyEntity", displayName: policy.name, detailEntry: { policyType: policy.type } }];
}

/** System Log targets of a rule event: the rule and its policy. */
export function orgPolicyRuleLogTargets(policy: Named, rule: { id: string; name: string }): LogTarget[] {
  return [{ id: rule.id, type: "PolicyRule", displayName: rule.name }, ...orgPolicyLogTargets(policy)];
}
