import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import * as scopes from "../../authorization-servers/scopes/list-scopes";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { parseScopeFilter } from "./parse-scope-filter";
import { scopeJson } from "./scope-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/scopes?q&filter&limit&after -> 200 [] (SDK
 * listOAuth2Scopes). `q` matches anywhere in the name, without regard to case; `filter` is
 * parsed by parseScopeFilter and runs in the database. Pages are ordered by id and `after` is the last id seen.
 */
export async function listScopes(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const request = () => ({ page: parsePageParams(url), filter: url.searchParams.get("filter"), q: url.searchParams.get("q") });
  const { items, nextCursor } = await runListScopes(ctx, ctx.request.params.authServerId ?? "", request);
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "filter"]) } };
}

/** listScopes as a typed operation: one page and the next page's cursor. */
export async function runListScopes(ctx: OperationContext, authServerId: string, request: Deferred<{ page: PageParams; filter?: string | null; q?: string | null }>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const { page, filter = null, ...query } = request();
  const q = query.q?.trim().toLowerCase();
  const terms = filter?.trim() ? parseScopeFilter(filter) : [];
  const { items, nextCursor } = await fetchPage(page, (take, after) => scopes.listScopes(ctx.db, { authServerId: server.id, terms, q, take, after }));
  return { items: items.map((scope) => scopeJson(ctx.orgUrl, scope)), nextCursor };
}
