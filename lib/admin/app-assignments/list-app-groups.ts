import type { AdminContext, AdminResponse } from "../admin-request";
import { findApp } from "../apps/find-app";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { appGroupJson } from "./app-group-json";

/**
 * GET /api/v1/apps/:appId/groups?q&limit&after -> 200 [ApplicationGroupAssignment], by group id, 20
 * a page by default (at most 200). `q` matches the start of the group name, case-insensitively.
 */
export async function listAppGroups(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const { url } = ctx.request;
  const page = parsePageParams(url, 20, 200);
  const q = url.searchParams.get("q")?.trim().toLowerCase();
  const { items, nextCursor } = await fetchPage(page, async (take, after) => {
    const rows = await ctx.db.appGroupAssignment.findMany({
      where: { appId: app.id, ...(after ? { groupId: { gt: after } } : {}), ...(q ? { group: { nameLower: { startsWith: q } } } : {}) },
      orderBy: { groupId: "asc" },
      take,
    });
    return rows.map((row) => ({ ...row, id: row.groupId }));
  });
  return { status: 200, body: items.map((item) => appGroupJson(ctx.orgUrl, item)), headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}
