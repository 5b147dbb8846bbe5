import type { Db, DbTx } from "../db/create-db-client";
import { EVERYONE_GROUP } from "./is-everyone-group";

/** How a user is assigned to an app. */
export type AppAssignment = {
  /** USER: assigned directly (the assignment's own profile); GROUP: through a group assignment */
  scope: "USER" | "GROUP";
  profile: unknown;
  created: Date;
  lastUpdated: Date;
};

/**
 * The one rule for "this user is assigned to the app". Spec (Subtle Behavior): "A user must be
 * assigned to the client ... directly (direct user assignment) or indirectly (group assignment)":
 * the direct assignment, else the highest-priority assigned group the user is in (the built-in
 * Everyone group holds every user, so an app assigned to Everyone is open to all users), else null.
 * Two indexed reads at most; the token service asks it on every grant and introspection
 * (isUserAssignedToApp), the Apps API for an AppUser.
 */
export async function findAppAssignment(db: Db | DbTx, appId: string, userId: string): Promise<AppAssignment | null> {
  const fields = { profile: true, created: true, lastUpdated: true } as const;
  const direct = await db.appUserAssignment.findUnique({ where: { appId_userId: { appId, userId } }, select: fields });
  if (direct) return { scope: "USER", ...direct };
  const viaGroup = await db.appGroupAssignment.findFirst({
    where: { appId, group: { OR: [EVERYONE_GROUP, { memberships: { some: { userId } } }] } },
    orderBy: [{ priority: "asc" }, { groupId: "asc" }],
    select: fields,
  });
  return viaGroup ? { scope: "GROUP", ...viaGroup } : null;
}
