import { setOrgPolicyStatus } from "../../sign-on-policies/set-org-policy-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { orgPolicyLogTargets } from "./org-policy-log-targets";

/** POST /api/v1/policies/:policyId/lifecycle/activate|deactivate -> bare 204; already so: nothing changes (no event). */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  const [eventType, verb] = status === "ACTIVE" ? ["policy.lifecycle.activate", "Activate"] : ["policy.lifecycle.deactivate", "Deactivate"];
  return async (ctx: OperationContext, policyId: string): Promise<void> => {
    await setOrgPolicyStatus(ctx.db, { policyId, status, now: ctx.now() }, (tx, policy) => audit(tx, ctx, eventType, `${verb} policy ${policy.name}`, orgPolicyLogTargets(policy)));
  };
}

/** The typed operations. */
export const runActivateOrgPolicy = setStatus("ACTIVE");
export const runDeactivateOrgPolicy = setStatus("INACTIVE");

function endpoint(run: typeof runActivateOrgPolicy): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await run(ctx, ctx.request.params.policyId ?? "");
    return { status: 204 };
  };
}

export const activateOrgPolicyEndpoint = endpoint(runActivateOrgPolicy);
export const deactivateOrgPolicyEndpoint = endpoint(runDeactivateOrgPolicy);
