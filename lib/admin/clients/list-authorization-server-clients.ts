import type { AdminContext, AdminResponse } from "../admin-request";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { liveRefreshTokenWhere } from "./live-refresh-token-where";
import { oauth2ClientJson } from "./oauth2-client-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/clients -> 200 [OAuth2Client]: the apps that hold
 * live refresh tokens issued by this server, by name then client_id.
 */
export async function listAuthorizationServerClients(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const { family, ...token } = liveRefreshTokenWhere(server.id, ctx.now());
  const holders = await ctx.db.refreshTokenFamily.findMany({ where: { ...family, tokens: { some: token } }, distinct: ["clientId"], select: { clientId: true } });
  const apps = holders.length
    ? await ctx.db.app.findMany({ where: { clientId: { in: holders.map((holder) => holder.clientId) } }, orderBy: [{ label: "asc" }, { clientId: "asc" }] })
    : [];
  return { status: 200, body: apps.map((app) => oauth2ClientJson(ctx.orgUrl, server.id, app)) };
}
