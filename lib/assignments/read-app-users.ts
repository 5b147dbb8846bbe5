import type { Db } from "../db/create-db-client";
import type { Prisma } from "../db/generated/sqlite/client";
import type { AppAssignment } from "./find-app-assignment";
import { isEveryoneGroup } from "./is-everyone-group";

/** A user who can use the app and the assignment that lets them (findAppAssignment's rule). */
export type AppUserRow = { id: string; login: string; assignment: AppAssignment };

/**
 * One keyset page of every user who can use the app, ordered by user id (at most `take`, after
 * `after`): directly assigned (scope USER) or a member of an assigned group (scope GROUP, the
 * highest-priority such group; every user when Everyone is assigned). `q` (lowercased, "" for any)
 * matches the start of the login. Two queries: the app's group assignments, then the users.
 */
export async function readAppUsers(db: Db, app: { id: string; created: Date }, input: { q: string; take: number; after: string | null }): Promise<AppUserRow[]> {
  const { q, take, after } = input;
  const groups = await db.appGroupAssignment.findMany({
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
  const users = await db.user.findMany({
    where: after ? { AND: [where, { id: { gt: after } }] } : where,
    orderBy: { id: "asc" },
    take,
    select: {
      id: true,
      login: true,
      appAssignments: { where: { appId: app.id } },
      memberships: { where: { groupId: { in: groupIds } }, select: { groupId: true } },
    },
  });
  return users.map((user) => {
    const direct = user.appAssignments[0];
    const memberOf = new Set(user.memberships.map((membership) => membership.groupId));
    const viaGroup = groups.find((assignment) => memberOf.has(assignment.groupId) || isEveryoneGroup(assignment.group));
    const assignment: AppAssignment = direct
      ? { scope: "USER", profile: direct.profile, created: direct.created, lastUpdated: direct.lastUpdated }
      : { scope: "GROUP", profile: viaGroup?.profile ?? {}, created: viaGroup?.created ?? app.created, lastUpdated: viaGroup?.lastUpdated ?? app.created };
    return { id: user.id, login: user.login, assignment };
  });
}
