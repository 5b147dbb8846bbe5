import type { AdminContext, AdminResponse } from "../admin-request";
import { appListJson } from "../apps/app-list-json";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { findGroup } from "../../groups/find-group";
import { readGroupApps } from "../../assignments/read-group-apps";

/**
 * GET /api/v1/groups/:groupId/apps?limit&after -> 200 [OpenIdConnectApplication] (Okta's "List all
 * assigned apps", SDK listAssignedApplicationsForGroup): the apps the group is assigned to, as GET
 * /api/v1/apps shows them, ordered by app id, 20 a page by default (at most 200). Everyone lists
 * the apps assigned to Everyone.
 */
export async function listGroupApps(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const group = await findGroup(ctx.db, ctx.request.params.groupId ?? "");
  const page = parsePageParams(url, 20, 200);
  const { items, nextCursor } = await fetchPage(page, (take, after) => readGroupApps(ctx.db, group.id, { take, after }));
  return { status: 200, body: await appListJson(ctx, items), headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) } };
}
