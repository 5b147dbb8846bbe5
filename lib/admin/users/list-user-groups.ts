import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { listGroupsOfUser } from "../../groups/list-groups-of-user";
import { findUser } from "../../users/find-user";
import { groupJson } from "../groups/group-json";

/**
 * GET /api/v1/users/:userId/groups?limit&after -> 200 [Group] (SDK listUserGroups): the built-in
 * group Everyone (which holds every user without membership rows) and the user's explicit groups,
 * ordered by id, with Link pagination.
 */
export async function listUserGroups(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListUserGroups(ctx, ctx.request.params.userId ?? "", () => ({ page: parsePageParams(url) }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) } };
}

/** listUserGroups as a typed operation: one page and the next page's cursor. */
export async function runListUserGroups(ctx: OperationContext, userId: string, request: Deferred<{ page: PageParams }>) {
  const user = await findUser(ctx.db, userId);
  const { page } = request();
  const { items, nextCursor } = await fetchPage(page, (take, after) => listGroupsOfUser(ctx.db, user.id, take, after));
  return { items: items.map((group) => groupJson(ctx.orgUrl, group)), nextCursor };
}
