import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { GROUP_FILTER_SUPPORTED, groupFilterWhere, type GroupCondition } from "../../groups/group-filter-where";
import { readGroups } from "../../groups/read-groups";
import { parseScimFilter } from "./parse-scim-filter";
import { groupJson } from "./group-json";

/**
 * GET /api/v1/groups?q&search&filter&limit&after -> 200 [] (SDK listGroups), Everyone included.
 * `q` matches the start of the name, ignoring case; `search` and `filter` (parseScimFilter, groupFilterWhere) run in
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
  const conditions: GroupCondition[] = [];
  for (const parameter of ["search", "filter"] as const) {
    const expression = input[parameter];
    if (expression?.trim()) conditions.push(groupFilterWhere(parseScimFilter(expression, parameter, GROUP_FILTER_SUPPORTED), parameter));
  }
  const q = input.q?.toLowerCase() ?? "";
  const { items, nextCursor } = await fetchPage(input.page, (take, after) => readGroups(ctx.db, { conditions, q, take, after }));
  return { items: items.map((group) => groupJson(ctx.orgUrl, group)), nextCursor };
}
