import type { PolicyRuleIds } from "../../authorization-servers/policies/find-policy-rule";

/** The ids of a rule's path parameters. */
export function policyRuleIds(params: Record<string, string>): PolicyRuleIds {
  return { authServerId: params.authServerId ?? "", policyId: params.policyId ?? "", ruleId: params.ruleId ?? "" };
}
