import type { AdminContext, AdminResponse } from "../admin-request";
import { findPolicyRule } from "./find-policy-rule";
import { policyRuleJson } from "./policy-rule-json";

/** GET /api/v1/authorizationServers/:authServerId/policies/:policyId/rules/:ruleId */
export async function getPolicyRule(ctx: AdminContext): Promise<AdminResponse> {
  const { server, rule } = await findPolicyRule(ctx.db, ctx.request.params);
  return { status: 200, body: policyRuleJson(ctx.orgUrl, server.id, rule) };
}
