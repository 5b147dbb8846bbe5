import { listOrgPolicyRules } from "../../sign-on-policies/list-org-policy-rules";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { orgPolicyRuleJson } from "./org-policy-rule-json";

/** GET /api/v1/policies/:policyId/rules -> 200 [], in priority order (the default rule last). */
export async function listOrgPolicyRulesEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListOrgPolicyRules(ctx, ctx.request.params.policyId ?? "") };
}

/** listOrgPolicyRulesEndpoint as a typed operation. */
export async function runListOrgPolicyRules(ctx: OperationContext, policyId: string) {
  const { rules } = await listOrgPolicyRules(ctx.db, policyId);
  return rules.map((rule) => orgPolicyRuleJson(ctx.orgUrl, rule));
}
