import type { AppAssignment } from "../../assignments/find-app-assignment";
import { isEveryoneGroup } from "../../assignments/is-everyone-group";
import type { Prisma } from "../../db/generated/sqlite/client";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { fetchPage, pageLinkHeader, parsePageParams, type PageParams } from "../pagination";
import { appUserJson } from "./app-user-json";

/**
 * GET /api/v1/apps/:appId/users?q&limit&after -> 200 [AppUser]: every user who can use the app,
 * directly (scope USER) or through an assigned group (scope GROUP; all users when Everyone is
 * assigned), by user id, 50 a page by default (at most 500). `q` matches the start of the login.
 */
export async function listAppUsers(ctx: AdminContext): Promise<AdminResponse> {
  const { url } = ctx.request;
  const { items, nextCursor } = await runListAppUsers(ctx, ctx.request.params.appId ?? "", () => ({ page: parsePageParams(url, 50, 500), q: url.searchParams.get("q") }));
  return { status: 200, body: items, headers: { Link: pageLinkHeader(ctx.orgUrl, url, nextCursor, ["q"]) } };
}

/** listAppUsers as a typed operation: one page and the next page's cursor. */
export async function runListAppUsers(ctx: OperationContext, appId: string, request: Deferred<{ page: PageParams; q?: string | null }>) {
  const app = await findApp(ctx.db, appId);
  const { page, ...query } = request();
  const q = query.q?.trim().toLowerCase();
  const groups = await ctx.db.appGroupAssignment.findMany({
    where: { appId: app.id },
    include: { group: { select: { type: true, nameLower: true } } },
    orderBy: [{ priority: "asc" }, { groupId: "asc" }],
  });
  const everyone = groups.some((assignment) => isEveryoneGroup(assignment.group));
  const groupIds = groups.map((assignment) => assignment.groupId);
  const where: Prisma.UserWhereInput = {
    ...(everyone ? {} : { OR: [{ appAssignments: { some: { appId: app.id } } }, { memberships: { some: { groupId: { in: groupIds } } } }] }),
    ...(q ? { loginLower: { startsWith: q } } : {}),
  };
  const { items, nextCursor } = await fetchPage(page, (take, after) =>
    ctx.db.user.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      orderBy: { id: "asc" },
      take,
      select: {
        id: true,
        login: true,
        appAssignments: { where: { appId: app.id } },
        memberships: { where: { groupId: { in: groupIds } }, select: { groupId: true } },
      },
    }),
  );
  const body = items.map((user) => {
    const direct = user.appAssignments[0];
    const memberOf = new Set(user.memberships.map((membership) => membership.groupId));
    const viaGroup = groups.find((assignment) => memberOf.has(assignment.groupId) || isEveryoneGroup(assignment.group));
    const view: AppAssignment = direct
      ? { scope: "USER", profile: direct.profile, created: direct.created, lastUpdated: direct.lastUpdated }
      : { scope: "GROUP", profile: viaGroup?.profile ?? {}, created: viaGroup?.created ?? app.created, lastUpdated: viaGroup?.lastUpdated ?? app.created };
    return appUserJson(ctx.orgUrl, app.id, user, view);
  });
  return { items: body, nextCursor };
}
