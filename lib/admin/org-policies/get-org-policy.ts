import { findOrgPolicy } from "../../sign-on-policies/find-org-policy";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { orgPolicyJson } from "./org-policy-json";

/** GET /api/v1/policies/:policyId */
export async function getOrgPolicyEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetOrgPolicy(ctx, ctx.request.params.policyId ?? "") };
}

/** getOrgPolicyEndpoint as a typed operation. */
export async function runGetOrgPolicy(ctx: OperationContext, policyId: string) {
  return orgPolicyJson(ctx.orgUrl, await findOrgPolicy(ctx.db, policyId));
}
