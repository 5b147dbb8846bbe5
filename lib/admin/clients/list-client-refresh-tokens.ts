import { listLiveRefreshTokens } from "../../oauth/tokens/list-live-refresh-tokens";
import type { AdminContext, AdminResponse } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { findClientApp } from "./find-client-app";
import { presentRefreshTokens } from "./present-refresh-tokens";

/**
 * GET /api/v1/authorizationServers/:authServerId/clients/:clientId/tokens?limit&after&expand=scope
 * -> 200 [OAuth2RefreshToken]: the client's live refresh tokens from this server, by id, 20 a page
 * by default (at most 200), with an absolute Link rel="next" while more remain.
 */
export async function listClientRefreshTokens(ctx: AdminContext): Promise<AdminResponse> {
  const { server, app } = await findClientApp(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.clientId ?? "");
  const page = parsePageParams(ctx.request.url, 20, 200);
  const now = ctx.now();
  const { items, nextCursor } = await fetchPage(page, (take, after) => listLiveRefreshTokens(ctx.db, { authServerId: server.id, clientId: app.clientId, now, take, after }));
  return {
    status: 200,
    body: await presentRefreshTokens(ctx, server, app, items),
    headers: { Link: pageLinkHeader(ctx.orgUrl, ctx.request.url, nextCursor, ["expand"]) },
  };
}
