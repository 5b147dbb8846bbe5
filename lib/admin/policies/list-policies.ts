import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { policyJson } from "./policy-json";
import { PRIORITY_ORDER } from "./reprioritise";

/** GET /api/v1/authorizationServers/:authServerId/policies -> 200 [], in priority order. */
export async function listPolicies(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListPolicies(ctx, ctx.request.params.authServerId ?? "") };
}

/** listPolicies as a typed operation. */
export async function runListPolicies(ctx: OperationContext, authServerId: string) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const policies = await ctx.db.policy.findMany({ where: { authServerId: server.id }, orderBy: PRIORITY_ORDER });
  return policies.map((policy) => policyJson(ctx.orgUrl, policy));
}
