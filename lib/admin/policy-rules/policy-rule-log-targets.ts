import type { LogTarget } from "../../system-log/write-system-log";

type Named = { id: string; name: string };

/** System Log targets of a rule event: the rule, its policy and the authorization server. */
export function policyRuleLogTargets(server: Named, policy: Named, rule: Named): LogTarget[] {
  return [
    { id: rule.id, type: "PolicyRule", displayName: rule.name },
    { id: policy.id, type: "Policy", displayName: policy.name },
    { id: server.id, type: "AuthorizationServer", displayName: server.name },
  ];
}
