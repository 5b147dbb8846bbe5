import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findPolicy } from "../../authorization-servers/policies/find-policy";
import { policyJson } from "./policy-json";

/** GET /api/v1/authorizationServers/:authServerId/policies/:policyId */
export async function getPolicy(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetPolicy(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "") };
}

/** getPolicy as a typed operation. */
export async function runGetPolicy(ctx: OperationContext, authServerId: string, policyId: string) {
  const { policy } = await findPolicy(ctx.db, authServerId, policyId);
  return policyJson(ctx.orgUrl, policy);
}
