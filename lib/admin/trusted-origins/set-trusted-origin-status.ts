import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { findTrustedOrigin } from "./find-trusted-origin";
import { trustedOriginJson } from "./trusted-origin-json";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/**
 * POST /api/v1/trustedOrigins/:trustedOriginId/lifecycle/activate|deactivate -> 200 with the object
 * (SDK activateTrustedOrigin / deactivateTrustedOrigin). An INACTIVE origin is not trusted for any
 * scope. Asking for the current status changes and logs nothing.
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, trustedOriginId: string) => {
    let origin = await findTrustedOrigin(ctx.db, trustedOriginId);
    if (origin.status !== status) {
      const id = origin.id;
      const now = ctx.now();
      try {
        origin = await ctx.db.$transaction(async (tx) => {
          const updated = await tx.trustedOrigin.update({ where: { id }, data: { status, lastUpdatedBy: ctx.actor.userId, lastUpdated: now } });
          const verb = status === "ACTIVE" ? "activate" : "deactivate";
          await audit(tx, ctx, `trustedorigins.lifecycle.${verb}`, `${status === "ACTIVE" ? "Activate" : "Deactivate"} trusted origin ${updated.name} (${updated.origin})`, [
            trustedOriginLogTarget(updated),
          ]);
          return updated;
        });
      } catch (error) {
        throw prismaErrorCode(error) === "P2025" ? notFoundError(id, "TrustedOrigin") : error; // deleted meanwhile
      }
    }
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
