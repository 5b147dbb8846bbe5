import { findApp } from "../../apps/find-app";
import { setAppStatus } from "../../apps/set-app-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { appTarget } from "./app-target";

/**
 * POST /api/v1/apps/:appId/lifecycle/activate|deactivate -> 200 {} (as Okta). Deactivating revokes
 * the client's refresh tokens and codes and drops its pending /authorize requests, in one
 * transaction; lastUpdated moves, so access tokens issued before it stop introspecting as active.
 * Setting the status an app already has changes nothing.
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, appId: string): Promise<void> => {
    const app = await findApp(ctx.db, appId);
    const verb = status === "ACTIVE" ? "activate" : "deactivate";
    await setAppStatus(ctx.db, { app, status, now: ctx.now() }, (tx) =>
      audit(tx, ctx, `application.lifecycle.${verb}`, `${status === "ACTIVE" ? "Activated" : "Deactivated"} application ${app.label}`, [appTarget(app)], {
        clientId: app.clientId,
      }),
    );
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
