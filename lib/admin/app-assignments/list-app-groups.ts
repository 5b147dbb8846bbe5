import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { readAppGroups } from "../../assignments/read-app-groups";
import { appGroupJson } from "./app-group-json";

/**
 * GET /api/v1/apps/:appId/groups?q&limit&after -> 200 [ApplicationGroupAssignment], by group id, 20
 * a page by default (at most 200). `q` matches the start of the group name, case-insensitively.
 */
export async function listAppGroups(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListAppGroups(ctx, ctx.request.params.appId ?? "", () => ({ page: parsePageParams(url, 20, 200), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}

/** listAppGroups as a typed operation: one page and the next page's cursor. */
export async function runListAppGroups(ctx: OperationContext, appId: string, request: Deferred<{ page: PageParams; q?: string | null }>) {
  const app = await findApp(ctx.db, appId);
  const { page, ...query } = request();
  const q = query.q?.trim().toLowerCase() ?? "";
  const { items, nextCursor } = await fetchPage(page, (take, after) => readAppGroups(ctx.db, app.id, { q, take, after }));
  return { items: items.map((item) => appGroupJson(ctx.orgUrl, item)), nextCursor };
}
