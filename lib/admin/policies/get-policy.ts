import type { AdminContext, AdminResponse } from "../admin-request";
import { findPolicy } from "./find-policy";
import { policyJson } from "./policy-json";

/** GET /api/v1/authorizationServers/:authServerId/policies/:policyId */
export async function getPolicy(ctx: AdminContext): Promise<AdminResponse> {
  const { policy } = await findPolicy(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "");
  return { status: 200, body: policyJson(ctx.orgUrl, policy) };
}
