import type { Prisma } from "../../db/generated/sqlite/client";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { trustedOriginFilterWhere } from "./trusted-origin-filter-where";
import { trustedOriginJson } from "./trusted-origin-json";

/**
 * GET /api/v1/trustedOrigins?q&filter&limit&after -> 200 [] (SDK listTrustedOrigins). `q` matches
 * the start of the name or of the origin (or of its host), ignoring case; `filter` runs in the
 * database. Pages are ordered by id; `after` is the last id seen.
 */
export async function listTrustedOrigins(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListTrustedOrigins(ctx, () => ({ page: parsePageParams(url), filter: url.searchParams.get("filter"), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "filter"]) } };
}

/** listTrustedOrigins as a typed operation: one page and the next page's cursor. */
export async function runListTrustedOrigins(ctx: OperationContext, request: Deferred<{ page: PageParams; filter?: string | null; q?: string | null }>) {
  const { page, filter, ...query } = request();
  const conditions: Prisma.TrustedOriginWhereInput[] = filter?.trim() ? [trustedOriginFilterWhere(filter)] : [];
  const q = query.q?.toLowerCase() ?? "";
  const matches = (row: { name: string; origin: string }) =>
    row.name.toLowerCase().startsWith(q) || row.origin.startsWith(q) || row.origin.slice(row.origin.indexOf("://") + 3).startsWith(q);
  const { items, nextCursor } = await fetchPage(page, async (take, after) => {
    const where: Prisma.TrustedOriginWhereInput = { AND: [...conditions, ...(after ? [{ id: { gt: after } }] : [])] };
    if (!q) return ctx.db.trustedOrigin.findMany({ where, orderBy: { id: "asc" }, take });
    // Matched in memory on two short columns: LIKE would read % and _ as wildcards.
    const rows = await ctx.db.trustedOrigin.findMany({ where, orderBy: { id: "asc" }, select: { id: true, name: true, origin: true } });
    const ids = rows.filter(matches).slice(0, take).map((row) => row.id);
    return ctx.db.trustedOrigin.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  });
  return { items: items.map((origin) => trustedOriginJson(ctx.orgUrl, origin)), nextCursor };
}
