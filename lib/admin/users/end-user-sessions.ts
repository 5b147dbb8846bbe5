import type { RecordChange } from "../../db/record-change";
import { endUserSessions, type UserSessionsEnded } from "../../sessions/end-user-sessions";
import { appendSystemLog } from "../../system-log/write-system-log";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { OperationContext } from "../admin-request";

/**
 * Ends sessions of a user for the dashboard's "End session" and "End all sessions" (the management
 * API has no such operation): each session logs user.session.end, and user.session.clear records
 * the admin who ended them, all in one transaction (endUserSessions).
 */
function endSessions(ctx: OperationContext, userId: string, sessionId?: string) {
  const now = ctx.now();
  const context = { client: ctx.client, debug: { via: "admin_dashboard", adminId: ctx.actor.userId } };
  const record: RecordChange<UserSessionsEnded> = (tx, { user, sessionIds }) =>
    appendSystemLog(
      tx,
      {
        eventType: "user.session.clear",
        displayMessage: `Ended ${sessionIds.length} session(s) of user ${user.login}`,
        actor: { id: ctx.actor.userId, type: "User", alternateId: ctx.actor.login, displayName: ctx.actor.displayName },
        client: ctx.client,
        outcome: { result: "SUCCESS" },
        target: [{ id: user.id, type: "User", alternateId: user.login }],
        debugContext: { source: "dashboard" },
      },
      now,
    );
  return endUserSessions(ctx.db, { userId, sessionId, now, context }, record);
}

/** Ends one session of a user; false when the user has no such session (it may have ended already). */
export async function runEndUserSession(ctx: OperationContext, userId: string, sessionId: string): Promise<boolean> {
  return (await endSessions(ctx, userId, sessionId)) !== "gone";
}

/** Ends every live session of a user (E0000007 for an unknown user); the number ended. */
export async function runEndUserSessions(ctx: OperationContext, userId: string): Promise<number> {
  const ended = await endSessions(ctx, userId);
  if (ended === "gone") throw notFoundError(userId, "User");
  return ended;
}
