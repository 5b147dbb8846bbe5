import type { AdminContext, AdminResponse } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { findClientApp } from "./find-client-app";
import { liveRefreshTokenWhere } from "./live-refresh-token-where";
import { presentRefreshTokens } from "./present-refresh-tokens";

/**
 * GET /api/v1/authorizationServers/:authServerId/clients/:clientId/tokens?limit&after&expand=scope
 * -> 200 [OAuth2RefreshToken]: the client's live refresh tokens from this server, by id, 20 a page
 * by default (at most 200), with an absolute Link rel="next" while more remain.
 */
export async function listClientRefreshTokens(ctx: AdminContext): Promise<AdminResponse> {
  const { server, app } = await findClientApp(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.clientId ?? "");
  const page = parsePageParams(ctx.request.url, 20, 200);
  const where = liveRefreshTokenWhere(server.id, ctx.now(), app.clientId);
  const { items, nextCursor } = await fetchPage(page, (take, after) =>
    ctx.db.refreshToken.findMany({ where: after ? { ...where, id: { gt: after } } : where, orderBy: { id: "asc" }, take, include: { family: true } }),
  );
  return {
    status: 200,
    body: await presentRefreshTokens(ctx, server, app, items),
    headers: { Link: pageLinkHeader(ctx.orgUrl, ctx.request.url, nextCursor, ["expand"]) },
  };
}
