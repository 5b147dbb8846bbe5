import type { AdminContext, AdminResponse } from "../admin-request";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { policyJson } from "./policy-json";
import { PRIORITY_ORDER } from "./reprioritise";

/** GET /api/v1/authorizationServers/:authServerId/policies -> 200 [], in priority order. */
export async function listPolicies(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const policies = await ctx.db.policy.findMany({ where: { authServerId: server.id }, orderBy: PRIORITY_ORDER });
  return { status: 200, body: policies.map((policy) => policyJson(ctx.orgUrl, policy)) };
}
