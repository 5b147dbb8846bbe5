import { findPolicy } from "../../authorization-servers/policies/find-policy";
import * as rules from "../../authorization-servers/policies/list-policy-rules";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { policyRuleJson } from "./policy-rule-json";

/** GET /api/v1/authorizationServers/:authServerId/policies/:policyId/rules -> 200 [], in priority order. */
export async function listPolicyRules(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListPolicyRules(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "") };
}

/** listPolicyRules as a typed operation. */
export async function runListPolicyRules(ctx: OperationContext, authServerId: string, policyId: string) {
  const { server, policy } = await findPolicy(ctx.db, authServerId, policyId);
  return (await rules.listPolicyRules(ctx.db, policy.id)).map((rule) => policyRuleJson(ctx.orgUrl, server.id, rule));
}
