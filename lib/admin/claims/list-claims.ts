import * as claims from "../../authorization-servers/claims/list-claims";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { claimJson } from "./claim-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/claims -> 200 [] (SDK listOAuth2Claims), system
 * claims included. `limit` and `after` page by id, with Link rel=next while more remain.
 */
export async function listClaims(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListClaims(ctx, ctx.request.params.authServerId ?? "", () => ({ page: parsePageParams(url) }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) } };
}

/** listClaims as a typed operation: one page and the next page's cursor. */
export async function runListClaims(ctx: OperationContext, authServerId: string, request: Deferred<{ page: PageParams }>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const { page } = request();
  const { items, nextCursor } = await fetchPage(page, (take, after) => claims.listClaims(ctx.db, { authServerId: server.id, take, after }));
  return { items: items.map((claim) => claimJson(ctx.orgUrl, claim)), nextCursor };
}
