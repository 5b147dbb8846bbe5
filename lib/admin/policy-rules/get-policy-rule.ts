import { findPolicyRule, type PolicyRuleIds } from "../../authorization-servers/policies/find-policy-rule";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { policyRuleIds } from "./policy-rule-ids";
import { policyRuleJson } from "./policy-rule-json";

/** GET /api/v1/authorizationServers/:authServerId/policies/:policyId/rules/:ruleId */
export async function getPolicyRule(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetPolicyRule(ctx, policyRuleIds(ctx.request.params)) };
}

/** getPolicyRule as a typed operation. */
export async function runGetPolicyRule(ctx: OperationContext, ids: PolicyRuleIds) {
  const { server, rule } = await findPolicyRule(ctx.db, ids);
  return policyRuleJson(ctx.orgUrl, server.id, rule);
}
