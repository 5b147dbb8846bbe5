import type { Prisma } from "../../db/generated/sqlite/client";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { parseScopeFilter } from "./parse-scope-filter";
import { scopeJson } from "./scope-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/scopes?q&filter&limit&after -> 200 [] (SDK
 * listOAuth2Scopes). `q` matches anywhere in the name, without regard to case; `filter` is
 * parsed by parseScopeFilter and runs in the database. Pages are ordered by id and `after` is the last id seen.
 */
export async function listScopes(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const page = parsePageParams(url);
  const filter = url.searchParams.get("filter");
  const q = url.searchParams.get("q")?.trim().toLowerCase();
  const conditions: Prisma.ScopeWhereInput[] = [{ authServerId: server.id }];
  for (const term of filter?.trim() ? parseScopeFilter(filter) : []) {
    conditions.push(term.attribute === "name" ? { nameLower: term.value.toLowerCase() } : { system: term.value });
  }
  // `q` is matched in memory: LIKE treats % and _ as wildcards, and a server has few scopes.
  const { items, nextCursor } = await fetchPage(page, async (take, after) => {
    const where = { AND: [...conditions, ...(after ? [{ id: { gt: after } }] : [])] };
    if (!q) return ctx.db.scope.findMany({ where, orderBy: { id: "asc" }, take });
    const rows = await ctx.db.scope.findMany({ where, orderBy: { id: "asc" } });
    return rows.filter((scope) => scope.nameLower.includes(q)).slice(0, take);
  });
  return {
    status: 200,
    body: items.map((scope) => scopeJson(ctx.orgUrl, scope)),
    headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "filter"]) },
  };
}
