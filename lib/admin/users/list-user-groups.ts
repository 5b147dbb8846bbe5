import type { AdminContext, AdminResponse } from "../admin-request";
import { fetchPage, pageLinkHeader, parsePageParams } from "../pagination";
import { findUser } from "./find-user";
import { groupJson } from "../groups/group-json";

/**
 * GET /api/v1/users/:userId/groups?limit&after -> 200 [Group] (SDK listUserGroups): the built-in
 * group Everyone (which holds every user without membership rows) and the user's explicit groups,
 * ordered by id, with Link pagination.
 */
export async function listUserGroups(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const user = await findUser(ctx.db, ctx.request.params.userId ?? "");
  const page = parsePageParams(url);
  const { items, nextCursor } = await fetchPage(page, (take, after) =>
    ctx.db.group.findMany({
      where: {
        OR: [{ type: "BUILT_IN" }, { memberships: { some: { userId: user.id } } }],
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take,
    }),
  );
  return { status: 200, body: items.map((group) => groupJson(ctx.orgUrl, group)), headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, []) } };
}
