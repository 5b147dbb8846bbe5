import { searchNetworkZones } from "../../network-zones/search-network-zones";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { networkZoneFilterWhere } from "./network-zone-filter-where";
import { networkZoneJson } from "./network-zone-json";

/**
 * GET /api/v1/zones?filter&limit&after -> 200 [] (SDK listNetworkZones). `filter`: usage eq and id
 * eq terms with and/or. Pages are ordered by id; `after` is the last id seen.
 */
export async function listNetworkZones(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListNetworkZones(ctx, () => ({ page: parsePageParams(url), filter: url.searchParams.get("filter") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["filter"]) } };
}

/** listNetworkZones as a typed operation: one page and the next page's cursor. */
export async function runListNetworkZones(ctx: OperationContext, request: Deferred<{ page: PageParams; filter?: string | null }>) {
  const { page, filter } = request();
  const where = filter?.trim() ? networkZoneFilterWhere(filter) : null;
  const { items, nextCursor } = await fetchPage(page, (take, after) => searchNetworkZones(ctx.db, { where, take, after }));
  return { items: items.map((zone) => networkZoneJson(ctx.orgUrl, zone)), nextCursor };
}
