import type { AdminContext, AdminResponse } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { findGroup } from "./find-group";
import { userJson } from "../users/user-json";

/**
 * GET /api/v1/groups/:groupId/users?limit&after -> 200 [User] (SDK listGroupUsers). The BUILT_IN
 * group Everyone lists every user; other groups their explicit members. Ordered by user id;
 * `after` is the last id seen.
 */
export async function listGroupMembers(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const group = await findGroup(ctx.db, ctx.request.params.groupId ?? "");
  const page = parsePageParams(url);
  const everyone = group.type === "BUILT_IN";
  const { items, nextCursor } = await fetchPage(page, (take, after) =>
    ctx.db.user.findMany({
      where: {
        ...(everyone ? {} : { memberships: { some: { groupId: group.id } } }),
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take,
    }),
  );
  return {
    status: 200,
    body: items.map((user) => userJson(ctx.orgUrl, user, { links: "self" })),
    headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) },
  };
}
