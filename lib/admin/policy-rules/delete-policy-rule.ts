import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { closeGap } from "../policies/reprioritise";
import { findPolicyRule, policyRuleIds, type PolicyRuleIds } from "./find-policy-rule";
import { policyRuleLogTargets } from "./policy-rule-log-targets";
import { applyRulePriorities, siblingRules } from "./policy-rule-priorities";

/** DELETE .../policies/:policyId/rules/:ruleId -> bare 204; the policy's other rules close the gap. */
export async function deletePolicyRule(ctx: AdminContext): Promise<AdminResponse> {
  await runDeletePolicyRule(ctx, policyRuleIds(ctx.request.params));
  return { status: 204 };
}

/** deletePolicyRule as a typed operation. */
export async function runDeletePolicyRule(ctx: OperationContext, ids: PolicyRuleIds): Promise<void> {
  const { server, policy, rule } = await findPolicyRule(ctx.db, ids);
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, server.id, now);
    const { count } = await tx.policyRule.deleteMany({ where: { id: rule.id } });
    if (count === 0) throw notFoundError(rule.id, "PolicyRule");
    await applyRulePriorities(tx, closeGap(await siblingRules(tx, policy.id)), now);
    await audit(tx, ctx, "oauth2.as.policy.rule.deleted", `Deleted policy rule ${rule.name}`, policyRuleLogTargets(server, policy, rule));
  });
}
