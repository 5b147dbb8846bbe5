import { endSessionInTransaction } from "../../sessions/end-session";
import { appendSystemLog } from "../../system-log/write-system-log";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { OperationContext } from "../admin-request";

/**
 * Ends sessions of a user for the dashboard's "End session" and "End all sessions" (the management
 * API has no such operation): each session logs user.session.end, and user.session.clear records
 * the admin who ended them, all in one transaction: the sessions end with their events or not at all.
 */
async function endSessions(ctx: OperationContext, user: { id: string; login: string }, sessionIds: string[]): Promise<void> {
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    for (const id of sessionIds) await endSessionInTransaction(tx, id, now, { client: ctx.client, debug: { via: "admin_dashboard", adminId: ctx.actor.userId } });
    await appendSystemLog(
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
  });
}

/** Ends one session of a user; false when the user has no such session (it may have ended already). */
export async function runEndUserSession(ctx: OperationContext, userId: string, sessionId: string): Promise<boolean> {
  const session = await ctx.db.userSession.findFirst({ where: { id: sessionId, userId }, select: { id: true, user: { select: { id: true, login: true } } } });
  if (!session) return false;
  await endSessions(ctx, session.user, [session.id]);
  return true;
}

/** Ends every live session of a user (E0000007 for an unknown user); the number ended. */
export async function runEndUserSessions(ctx: OperationContext, userId: string): Promise<number> {
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true, login: true } });
  if (!user) throw notFoundError(userId, "User");
  const sessions = await ctx.db.userSession.findMany({ where: { userId, revoked: null, expiresAt: { gt: ctx.now() } }, select: { id: true } });
  await endSessions(ctx, user, sessions.map((session) => session.id));
  return sessions.length;
}
