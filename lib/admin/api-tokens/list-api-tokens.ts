import { listLiveApiTokens } from "../../api-tokens/list-live-api-tokens";
import { actorMay } from "../authorize-admin";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { apiTokenJson } from "./api-token-json";

/**
 * GET /api/v1/api-tokens?q&limit&after -> 200 [] (SDK listApiTokens): the org's live tokens, every
 * owner's for a caller with apiTokens.read, else the caller's own (any admin sees their tokens). `q` matches the start of the name or of the clientName, ignoring case. Ordered by id;
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
  const userId = actorMay(ctx.actor, "apiTokens.read") ? undefined : ctx.actor.userId;
  const { items, nextCursor } = await fetchPage(page, (take, after) => listLiveApiTokens(ctx.db, { q, now, userId }, take, after));
  return { items: items.map((token) => apiTokenJson(ctx.orgUrl, token)), nextCursor };
}
