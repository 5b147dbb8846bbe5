import * as rules from "../../authorization-servers/policies/delete-policy-rule";
import { findPolicyRule, type PolicyRuleIds } from "../../authorization-servers/policies/find-policy-rule";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { policyRuleIds } from "./policy-rule-ids";
import { policyRuleLogTargets } from "./policy-rule-log-targets";

/** DELETE .../policies/:policyId/rules/:ruleId -> bare 204; the policy's other rules close the gap. */
export async function deletePolicyRule(ctx: AdminContext): Promise<AdminResponse> {
  await runDeletePolicyRule(ctx, policyRuleIds(ctx.request.params));
  return { status: 204 };
}

/** deletePolicyRule as a typed operation. */
export async function runDeletePolicyRule(ctx: OperationContext, ids: PolicyRuleIds): Promise<void> {
  const { server, policy, rule } = await findPolicyRule(ctx.db, ids);
  await rules.deletePolicyRule(ctx.db, server.id, rule, ctx.now(), (tx) =>
    audit(tx, ctx, "oauth2.as.policy.rule.deleted", `Deleted policy rule ${rule.name}`, policyRuleLogTargets(server, policy, rule)),
  );
}
