import type { AdminContext, AdminResponse } from "../admin-request";
import { findPolicy } from "../policies/find-policy";
import { PRIORITY_ORDER } from "../policies/reprioritise";
import { policyRuleJson } from "./policy-rule-json";

/** GET /api/v1/authorizationServers/:authServerId/policies/:policyId/rules -> 200 [], in priority order. */
export async function listPolicyRules(ctx: AdminContext): Promise<AdminResponse> {
  const { server, policy } = await findPolicy(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "");
  const rules = await ctx.db.policyRule.findMany({ where: { policyId: policy.id }, orderBy: PRIORITY_ORDER });
  return { status: 200, body: rules.map((rule) => policyRuleJson(ctx.orgUrl, server.id, rule)) };
}
