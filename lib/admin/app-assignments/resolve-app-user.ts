import type { Db, DbTx } from "../../db/create-db-client";
import type { AppUserAssignmentView } from "./app-user-json";

/**
 * How a user is assigned to an app: directly (scope USER, the assignment's own profile), else
 * through the highest-priority assigned group they are in (scope GROUP; the built-in Everyone group
 * holds every user), else null.
 */
export async function resolveAppUser(db: Db | DbTx, appId: string, userId: string): Promise<AppUserAssignmentView | null> {
  const direct = await db.appUserAssignment.findUnique({ where: { appId_userId: { appId, userId } } });
  if (direct) return { scope: "USER", profile: direct.profile, created: direct.created, lastUpdated: direct.lastUpdated };
  const viaGroup = await db.appGroupAssignment.findFirst({
    where: { appId, group: { OR: [{ type: "BUILT_IN", nameLower: "everyone" }, { memberships: { some: { userId } } }] } },
    orderBy: [{ priority: "asc" }, { groupId: "asc" }],
  });
  return viaGroup ? { scope: "GROUP", profile: viaGroup.profile, created: viaGroup.created, lastUpdated: viaGroup.lastUpdated } : null;
}
