import type { Prisma } from "../../db/generated/sqlite/client";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { groupFilterWhere } from "./group-filter-where";
import { groupJson } from "./group-json";

/**
 * GET /api/v1/groups?q&search&filter&limit&after -> 200 [] (SDK listGroups), Everyone included.
 * `q` matches the start of the name, ignoring case; `search` and `filter` (groupFilterWhere) run in
 * the database, and several given together must all hold. Pages are ordered by id; `after` is the
 * last id seen and the `Link` header carries the next page.
 */
export async function listGroups(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const request = () => ({ page: parsePageParams(url), search: url.searchParams.get("search"), filter: url.searchParams.get("filter"), q: url.searchParams.get("q") });
  const { items, nextCursor } = await runListGroups(ctx, request);
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "search", "filter"]) } };
}

/** listGroups as a typed operation: one page and the next page's cursor. */
export async function runListGroups(ctx: OperationContext, request: Deferred<{ page: PageParams; q?: string | null; search?: string | null; filter?: string | null }>) {
  const input = request();
  const conditions: Prisma.GroupWhereInput[] = [];
  for (const parameter of ["search", "filter"] as const) {
    const expression = input[parameter];
    if (expression?.trim()) conditions.push(groupFilterWhere(expression, parameter));
  }
  const q = input.q?.toLowerCase() ?? "";
  const { items, nextCursor } = await fetchPage(input.page, async (take, after) => {
    const where: Prisma.GroupWhereInput = { AND: [...conditions, ...(after ? [{ id: { gt: after } }] : [])] };
    if (!q) return ctx.db.group.findMany({ where, orderBy: { id: "asc" }, take });
    // The prefix is matched in memory on the names alone: LIKE would read % and _ as wildcards.
    const names = await ctx.db.group.findMany({ where, orderBy: { id: "asc" }, select: { id: true, nameLower: true } });
    const ids = names.filter((group) => group.nameLower.startsWith(q)).slice(0, take).map((group) => group.id);
    return ctx.db.group.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  });
  return { items: items.map((group) => groupJson(ctx.orgUrl, group)), nextCursor };
}
