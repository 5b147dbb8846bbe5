import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import * as policies from "../../authorization-servers/policies/list-policies";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { policyJson } from "./policy-json";

/** GET /api/v1/authorizationServers/:authServerId/policies -> 200 [], in priority order. */
export async function listPolicies(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListPolicies(ctx, ctx.request.params.authServerId ?? "") };
}

/** listPolicies as a typed operation. */
export async function runListPolicies(ctx: OperationContext, authServerId: string) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  return (await policies.listPolicies(ctx.db, server.id)).map((policy) => policyJson(ctx.orgUrl, policy));
}
