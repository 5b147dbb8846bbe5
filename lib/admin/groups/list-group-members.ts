import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { findGroup } from "../../groups/find-group";
import { readGroupMembers } from "../../groups/read-group-members";
import { userJson } from "../users/user-json";

/**
 * GET /api/v1/groups/:groupId/users?limit&after -> 200 [User] (SDK listGroupUsers). The BUILT_IN
 * group Everyone lists every user; other groups their explicit members. Ordered by user id;
 * `after` is the last id seen.
 */
export async function listGroupMembers(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListGroupMembers(ctx, ctx.request.params.groupId ?? "", () => ({ page: parsePageParams(url) }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) } };
}

/** listGroupMembers as a typed operation: one page and the next page's cursor. */
export async function runListGroupMembers(ctx: OperationContext, groupId: string, request: Deferred<{ page: PageParams }>) {
  const group = await findGroup(ctx.db, groupId);
  const { page } = request();
  const { items, nextCursor } = await fetchPage(page, (take, after) => readGroupMembers(ctx.db, group, { take, after }));
  return { items: items.map((user) => userJson(ctx.orgUrl, user, { links: "self" })), nextCursor };
}
