import { deleteApp as removeApp } from "../../apps/delete-app";
import { findAppByClientId } from "../../apps/find-app-by-client-id";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { audit } from "../audit";

/**
 * DELETE /oauth2/v1/clients/:clientId (RFC 7592) -> 204. Unlike the Apps API, an ACTIVE client can
 * be deleted directly (RFC 7592 has no deactivation step); its tokens die with it.
 */
export async function deleteClient(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findAppByClientId(ctx.db, ctx.request.params.clientId ?? "");
  await removeApp(ctx.db, { app, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "application.lifecycle.delete", `Deleted client ${app.label}`, [appTarget(app)], { clientId: app.clientId, registration: "dynamic" }),
  );
  return { status: 204 };
}
