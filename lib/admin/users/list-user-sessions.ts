import { listUserSessions } from "../../sessions/list-user-sessions";
import type { OperationContext } from "../admin-request";

/** The dashboard's list of a user's live sessions (neither ended nor expired, idle or absolute), newest first. */
export async function runListUserSessions(ctx: OperationContext, userId: string) {
  return listUserSessions(ctx.db, userId, ctx.now());
}
