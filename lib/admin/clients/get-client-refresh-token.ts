import { findLiveRefreshToken } from "../../oauth/tokens/find-live-refresh-token";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findClientApp } from "./find-client-app";
import { presentRefreshTokens } from "./present-refresh-tokens";

/**
 * GET /api/v1/authorizationServers/:authServerId/clients/:clientId/tokens/:tokenId?expand=scope ->
 * 200 OAuth2RefreshToken; E0000007 unless it is a live token of this client and server.
 */
export async function getClientRefreshToken(ctx: AdminContext): Promise<AdminResponse> {
  const { server, app } = await findClientApp(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.clientId ?? "");
  const tokenId = ctx.request.params.tokenId ?? "";
  const token = await findLiveRefreshToken(ctx.db, { authServerId: server.id, clientId: app.clientId, tokenId, now: ctx.now() });
  if (!token) throw notFoundError(tokenId, "RefreshToken");
  const [body] = await presentRefreshTokens(ctx, server, app, [token]);
  return { status: 200, body };
}
