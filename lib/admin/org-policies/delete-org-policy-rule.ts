import { deleteOrgPolicyRule } from "../../sign-on-policies/delete-org-policy-rule";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyRuleLogTargets } from "./org-policy-log-targets";

/** DELETE /api/v1/policies/:policyId/rules/:ruleId -> bare 204. The default rule: 400. */
export async function deleteOrgPolicyRuleEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteOrgPolicyRule(ctx, ctx.request.params.policyId ?? "", ctx.request.params.ruleId ?? "");
  return { status: 204 };
}

/** deleteOrgPolicyRuleEndpoint as a typed operation. */
export async function runDeleteOrgPolicyRule(ctx: OperationContext, policyId: string, ruleId: string): Promise<void> {
  await deleteOrgPolicyRule(ctx.db, { policyId, ruleId, now: ctx.now() }, (tx, { policy, rule }) =>
    audit(tx, ctx, "policy.rule.delete", `Delete policy rule ${rule.name}`, orgPolicyRuleLogTargets(policy, rule)),
  );
}
