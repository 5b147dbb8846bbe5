import { deleteApp as removeApp } from "../../apps/delete-app";
import { findApp } from "../../apps/find-app";
import { AdminApiError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { appTarget } from "./app-target";

/**
 * DELETE /api/v1/apps/:appId -> 204. As Okta, only an INACTIVE app can be deleted (E0000056
 * otherwise); its tokens die with it.
 */
export async function deleteApp(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteApp(ctx, ctx.request.params.appId ?? "");
  return { status: 204 };
}

/** deleteApp as a typed operation. */
export async function runDeleteApp(ctx: OperationContext, appId: string): Promise<void> {
  const app = await findApp(ctx.db, appId);
  if (app.status === "ACTIVE") {
    throw new AdminApiError(400, "E0000056", "Delete application forbidden.", ["The application must be deactivated before it can be deleted."]);
  }
  const outcome = await removeApp(ctx.db, { app, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "application.lifecycle.delete", `Deleted application ${app.label}`, [appTarget(app)], { clientId: app.clientId }),
  );
  if (outcome === "gone") await findApp(ctx.db, appId); // deleted concurrently: 404
}
