import { findPolicy } from "../../authorization-servers/policies/find-policy";
import { setPolicyStatus } from "../../authorization-servers/policies/set-policy-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { policyLogTargets } from "./policy-log-targets";

/**
 * POST /api/v1/authorizationServers/:authServerId/policies/:policyId/lifecycle/activate|deactivate
 * -> bare 204. Already in that status: nothing changes (no event).
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, authServerId: string, policyId: string): Promise<void> => {
    const { server, policy } = await findPolicy(ctx.db, authServerId, policyId);
    const verb = status === "ACTIVE" ? "activated" : "deactivated";
    await setPolicyStatus(ctx.db, policy, status, ctx.now(), (tx) => audit(tx, ctx, `oauth2.as.policy.${verb}`, `Policy ${policy.name} ${verb}`, policyLogTargets(server, policy)));
  };
}

/** The typed operations. */
export const runActivatePolicy = setStatus("ACTIVE");
export const runDeactivatePolicy = setStatus("INACTIVE");

function endpoint(run: typeof runActivatePolicy): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await run(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.policyId ?? "");
    return { status: 204 };
  };
}

export const activatePolicy = endpoint(runActivatePolicy);
export const deactivatePolicy = endpoint(runDeactivatePolicy);
