import { searchTrustedOrigins } from "../../trusted-origins/search-trusted-origins";
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
  const { page, filter, q } = request();
  const where = filter?.trim() ? trustedOriginFilterWhere(filter) : null;
  const { items, nextCursor } = await fetchPage(page, (take, after) => searchTrustedOrigins(ctx.db, { where, q, take, after }));
  return { items: items.map((origin) => trustedOriginJson(ctx.orgUrl, origin)), nextCursor };
}
