import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { removeApp } from "../apps/remove-app";
import { audit } from "../audit";
import { findClient } from "./find-client";

/**
 * DELETE /oauth2/v1/clients/:clientId (RFC 7592) -> 204. Unlike the Apps API, an ACTIVE client can
 * be deleted directly (RFC 7592 has no deactivation step); its tokens die with it.
 */
export async function deleteClient(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findClient(ctx.db, ctx.request.params.clientId ?? "");
  await ctx.db.$transaction(async (tx) => {
    await removeApp(tx, app, ctx.now());
    await audit(tx, ctx, "application.lifecycle.delete", `Deleted client ${app.label}`, [appTarget(app)], { clientId: app.clientId, registration: "dynamic" });
  });
  return { status: 204 };
}
