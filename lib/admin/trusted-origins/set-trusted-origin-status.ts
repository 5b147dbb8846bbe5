import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { setTrustedOriginStatus } from "../../trusted-origins/set-trusted-origin-status";
import { trustedOriginJson } from "./trusted-origin-json";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/**
 * POST /api/v1/trustedOrigins/:trustedOriginId/lifecycle/activate|deactivate -> 200 with the object
 * (SDK activateTrustedOrigin / deactivateTrustedOrigin). An INACTIVE origin is not trusted for any
 * scope. Asking for the current status changes and logs nothing.
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, trustedOriginId: string) => {
    const origin = await setTrustedOriginStatus(ctx.db, { id: trustedOriginId, status, actorId: ctx.actor.userId, now: ctx.now() }, (tx, updated) =>
      audit(tx, ctx, `trustedorigins.lifecycle.${status === "ACTIVE" ? "activate" : "deactivate"}`, `${status === "ACTIVE" ? "Activate" : "Deactivate"} trusted origin ${updated.name} (${updated.origin})`, [
        trustedOriginLogTarget(updated),
      ]),
    );
    return trustedOriginJson(ctx.orgUrl, origin);
  };
}

/** The typed operations. */
export const runActivateTrustedOrigin = setStatus("ACTIVE");
export const runDeactivateTrustedOrigin = setStatus("INACTIVE");

function endpoint(run: typeof runActivateTrustedOrigin): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => ({ status: 200, body: await run(ctx, ctx.request.params.trustedOriginId ?? "") });
}

export const activateTrustedOrigin = endpoint(runActivateTrustedOrigin);
export const deactivateTrustedOrigin = endpoint(runDeactivateTrustedOrigin);
