import { listUserApps, type UserApp } from "../../assignments/list-user-apps";
import type { OperationContext } from "../admin-request";

/** The apps a user is assigned to and how, for the dashboard's user page (listUserApps). */
export async function runListUserApps(ctx: OperationContext, userId: string): Promise<UserApp[]> {
  return listUserApps(ctx.db, userId);
}
