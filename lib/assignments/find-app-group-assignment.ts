import type { Db, DbTx } from "../db/create-db-client";
import type { AppGroupAssignment } from "../db/generated/sqlite/client";

/** The group's assignment to the app, or null when the group is not assigned to it. */
export async function findAppGroupAssignment(db: Db | DbTx, appId: string, groupId: string): Promise<AppGroupAssignment | null> {
  return db.appGroupAssignment.findUnique({ where: { appId_groupId: { appId, groupId } } });
}
