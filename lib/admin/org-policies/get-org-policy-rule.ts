import { findOrgPolicyRule } from "../../sign-on-policies/find-org-policy-rule";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { orgPolicyRuleJson } from "./org-policy-rule-json";

/** GET /api/v1/policies/:policyId/rules/:ruleId */
export async function getOrgPolicyRuleEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetOrgPolicyRule(ctx, ctx.request.params.policyId ?? "", ctx.request.params.ruleId ?? "") };
}

/** getOrgPolicyRuleEndpoint as a typed operation. */
export async function runGetOrgPolicyRule(ctx: OperationContext, policyId: string, ruleId: string) {
  const { rule } = await findOrgPolicyRule(ctx.db, policyId, ruleId);
  return orgPolicyRuleJson(ctx.orgUrl, rule);
}
