import type { Prisma } from "../../db/generated/sqlite/client";
import type { AdminContext, AdminResponse } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { trustedOriginFilterWhere } from "./trusted-origin-filter-where";
import { trustedOriginJson } from "./trusted-origin-json";

/**
 * GET /api/v1/trustedOrigins?q&filter&limit&after -> 200 [] (SDK listTrustedOrigins). `q` matches
 * the start of the name or of the origin (or of its host), ignoring case; `filter` runs in the
 * database. Pages are ordered by id; `after` is the last id seen.
 */
export async function listTrustedOrigins(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const page = parsePageParams(url);
  const filter = url.searchParams.get("filter");
  const conditions: Prisma.TrustedOriginWhereInput[] = filter?.trim() ? [trustedOriginFilterWhere(filter)] : [];
  const q = url.searchParams.get("q")?.toLowerCase() ?? "";
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
  return {
    status: 200,
    body: items.map((origin) => trustedOriginJson(ctx.orgUrl, origin)),
    headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q", "filter"]) },
  };
}
