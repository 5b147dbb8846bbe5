import { listTokenHolderApps } from "../../apps/list-token-holder-apps";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { oauth2ClientJson } from "./oauth2-client-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/clients -> 200 [OAuth2Client]: the apps that hold
 * live refresh tokens issued by this server, by name then client_id.
 */
export async function listAuthorizationServerClients(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const apps = await listTokenHolderApps(ctx.db, server.id, ctx.now());
  return { status: 200, body: apps.map((app) => oauth2ClientJson(ctx.orgUrl, server.id, app)) };
}
