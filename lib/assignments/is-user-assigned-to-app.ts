import type { Db, DbTx } from "../db/create-db-client";

/**
 * Spec (Subtle Behavior): "A user must be assigned to the client ... directly (direct user
 * assignment) or indirectly (group assignment)". The built-in Everyone group holds every user, so
 * an app assigned to Everyone is open to all users.
 */
export async function isUserAssignedToApp(db: Db | DbTx, appId: string, userId: string): Promise<boolean> {
  const direct = await db.appUserAssignment.findUnique({ where: { appId_userId: { appId, userId } }, select: { appId: true } });
  if (direct) return true;
  const viaGroup = await db.appGroupAssignment.findFirst({
    where: { appId, group: { OR: [{ type: "BUILT_IN", nameLower: "everyone" }, { memberships: { some: { userId } } }] } },
    select: { appId: true },
  });
  return viaGroup !== null;
}
