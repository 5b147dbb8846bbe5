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
  const clientId = ctx.request.params.clientId ?? "";
  const app = await findAppByClientId(ctx.db, clientId);
  const outcome = await removeApp(ctx.db, { app, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "application.lifecycle.delete", `Deleted client ${app.label}`, [appTarget(app)], { clientId: app.clientId, registration: "dynamic" }),
  );
  if (outcome === "gone") await findAppByClientId(ctx.db, clientId); // deleted concurrently: the unknown client's 404
  return { status: 204 };
}
