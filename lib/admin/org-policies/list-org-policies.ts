import { listOrgPolicies } from "../../sign-on-policies/list-org-policies";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { orgPolicyJson } from "./org-policy-json";
import { parsePolicyType } from "./policy-type";

/** GET /api/v1/policies?type=OKTA_SIGN_ON|MFA_ENROLL -> 200 [], in priority order (the default policy last). `type` is required, as Okta's. */
export async function listOrgPoliciesEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListOrgPolicies(ctx, ctx.request.url.searchParams.get("type")) };
}

/** listOrgPoliciesEndpoint as a typed operation. */
export async function runListOrgPolicies(ctx: OperationContext, type: string | null) {
  const policies = await listOrgPolicies(ctx.db, parsePolicyType(type));
  return policies.map((policy) => orgPolicyJson(ctx.orgUrl, policy));
}
