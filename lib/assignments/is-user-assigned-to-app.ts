import type { Db, DbTx } from "../db/create-db-client";
import { findAppAssignment } from "./find-app-assignment";

/** Whether the user may use the app: assigned directly or through a group (findAppAssignment holds the rule). */
export async function isUserAssignedToApp(db: Db | DbTx, appId: string, userId: string): Promise<boolean> {
  return (await findAppAssignment(db, appId, userId)) !== null;
}
