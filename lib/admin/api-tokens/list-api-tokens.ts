import type { Prisma } from "../../db/generated/sqlite/client";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { apiTokenJson } from "./api-token-json";
import { API_TOKEN_OWNER_SELECT } from "./find-api-token";
import { liveApiTokenWhere } from "./live-api-token-where";

/**
 * GET /api/v1/api-tokens?q&limit&after -> 200 [] (SDK listApiTokens): the org's live tokens, every
 * owner's. `q` matches the start of the name or of the clientName, ignoring case. Ordered by id;
 * `after` is the last id seen.
 */
export async function listApiTokens(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListApiTokens(ctx, () => ({ page: parsePageParams(url), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}

/** listApiTokens as a typed operation: one page and the next page's cursor. */
export async function runListApiTokens(ctx: OperationContext, request: Deferred<{ page: PageParams; q?: string | null }>) {
  const { page, ...query } = request();
  const q = query.q?.toLowerCase() ?? "";
  const now = ctx.now();
  const { items, nextCursor } = await fetchPage(page, async (take, after) => {
    const where: Prisma.ApiTokenWhereInput = { AND: [liveApiTokenWhere(now), ...(after ? [{ id: { gt: after } }] : [])] };
    const rows = await ctx.db.apiToken.findMany({ where, orderBy: { id: "asc" }, include: { user: { select: API_TOKEN_OWNER_SELECT } }, ...(q ? {} : { take }) });
    return q ? rows.filter((t) => t.name.toLowerCase().startsWith(q) || t.clientName.toLowerCase().startsWith(q)).slice(0, take) : rows;
  });
  return { items: items.map((token) => apiTokenJson(ctx.orgUrl, token)), nextCursor };
}
