import type { OperationContext } from "../admin-request";

/** The dashboard's list of a user's live sessions (neither ended nor expired, idle or absolute), newest first. */
export async function runListUserSessions(ctx: OperationContext, userId: string) {
  const now = ctx.now();
  return ctx.db.userSession.findMany({ where: { userId, revoked: null, expiresAt: { gt: now }, idleExpiresAt: { gt: now } }, orderBy: { created: "desc" } });
}
