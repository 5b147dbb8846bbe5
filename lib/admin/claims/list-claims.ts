import type { AdminContext, AdminResponse } from "../admin-request";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { claimJson } from "./claim-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/claims -> 200 [] (SDK listOAuth2Claims), system
 * claims included. `limit` and `after` page by id, with Link rel=next while more remain.
 */
export async function listClaims(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const page = parsePageParams(url);
  const { items, nextCursor } = await fetchPage(page, (take, after) =>
    ctx.db.claim.findMany({ where: { authServerId: server.id, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take }),
  );
  return {
    status: 200,
    body: items.map((claim) => claimJson(ctx.orgUrl, claim)),
    headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) },
  };
}
