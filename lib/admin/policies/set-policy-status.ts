import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { findPolicy } from "./find-policy";
import { policyLogTargets } from "./policy-log-targets";

/**
 * POST /api/v1/authorizationServers/:authServerId/policies/:policyId/lifecycle/activate|deactivate
 * -> bare 204. Already in that status: nothing changes (no event).
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, authServerId: string, policyId: string): Promise<void> => {
    const { server, policy } = await findPolicy(ctx.db, authServerId, policyId);
    if (policy.status !== status) {
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await touchAuthorizationServer(tx, server.id, now);
        await tx.policy.update({ where: { id: policy.id }, data: { status, lastUpdated: now } });
        const verb = status === "ACTIVE" ? "activated" : "deactivated";
        await audit(tx, ctx, `oauth2.as.policy.${verb}`, `Policy ${policy.name} ${verb}`, policyLogTargets(server, policy));
      });
    }
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
