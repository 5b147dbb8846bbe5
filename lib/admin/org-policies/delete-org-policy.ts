import { deleteOrgPolicy } from "../../sign-on-policies/delete-org-policy";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyLogTargets } from "./org-policy-log-targets";

/** DELETE /api/v1/policies/:policyId -> bare 204; its rules go with it. The default policy: 400. */
export async function deleteOrgPolicyEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteOrgPolicy(ctx, ctx.request.params.policyId ?? "");
  return { status: 204 };
}

/** deleteOrgPolicyEndpoint as a typed operation. */
export async function runDeleteOrgPolicy(ctx: OperationContext, policyId: string): Promise<void> {
  await deleteOrgPolicy(ctx.db, { policyId, now: ctx.now() }, (tx, policy) => audit(tx, ctx, "policy.lifecycle.delete", `Delete policy ${policy.name}`, orgPolicyLogTargets(policy)));
}
