import { revokeClientGrants } from "../../oauth/tokens/revoke-client-grants";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { appTarget } from "./app-target";
import { findApp } from "./find-app";

/**
 * POST /api/v1/apps/:appId/lifecycle/activate|deactivate -> 200 {} (as Okta). Deactivating revokes
 * the client's refresh tokens and codes and drops its pending /authorize requests, in one
 * transaction; lastUpdated moves, so access tokens issued before it stop introspecting as active.
 * Setting the status an app already has changes nothing.
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, appId: string): Promise<void> => {
    const app = await findApp(ctx.db, appId);
    if (app.status !== status) {
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await tx.app.update({ where: { id: app.id }, data: { status, lastUpdated: now } });
        if (status === "INACTIVE") {
          await revokeClientGrants(tx, app.clientId, now);
          await tx.pendingAuthorization.deleteMany({ where: { clientId: app.clientId } });
        }
        const verb = status === "ACTIVE" ? "activate" : "deactivate";
        await audit(tx, ctx, `application.lifecycle.${verb}`, `${status === "ACTIVE" ? "Activated" : "Deactivated"} application ${app.label}`, [appTarget(app)], {
          clientId: app.clientId,
        });
      });
    }
  };
}

/** The typed operations. */
export const runActivateApp = setStatus("ACTIVE");
export const runDeactivateApp = setStatus("INACTIVE");

function endpoint(run: (ctx: OperationContext, appId: string) => Promise<void>): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await run(ctx, ctx.request.params.appId ?? "");
    return { status: 200, body: {} };
  };
}

export const activateApp = endpoint(runActivateApp);
export const deactivateApp = endpoint(runDeactivateApp);
