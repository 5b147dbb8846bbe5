import { assignAppAccessPolicy } from "../../sign-on-policies/assign-app-access-policy";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyLogTargets } from "../org-policies/org-policy-log-targets";
import { appTarget } from "./app-target";

/**
 * PUT /api/v1/apps/:appId/policies/:policyId -> bare 204 (SDK ApplicationPoliciesApi
 * assignApplicationPolicy): the app's sign-ins follow that authentication policy (ACCESS_POLICY)
 * from now on, in place of the one it had (the default one unless assigned before).
 */
export async function assignAppAccessPolicyEndpoint(ctx: AdminContext): Promise<AdminResponse> {
  await runAssignAppAccessPolicy(ctx, ctx.request.params.appId ?? "", ctx.request.params.policyId ?? "");
  return { status: 204 };
}

/** assignAppAccessPolicyEndpoint as a typed operation. */
export async function runAssignAppAccessPolicy(ctx: OperationContext, appId: string, policyId: string): Promise<void> {
  await assignAppAccessPolicy(ctx.db, { appId, policyId, now: ctx.now() }, (tx, { app, policy }) =>
    audit(tx, ctx, "application.lifecycle.update", `Assigned application ${app.label} to authentication policy ${policy.name}`, [appTarget(app), ...orgPolicyLogTargets(policy)], {
      clientId: app.clientId,
    }),
  );
}
