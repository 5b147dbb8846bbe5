import type { Db } from "../db/create-db-client";

/** A user's live sessions (neither ended nor expired, idle or absolute), newest first. */
export function listUserSessions(db: Db, userId: string, now: Date) {
  return db.userSession.findMany({ where: { userId, revoked: null, expiresAt: { gt: now }, idleExpiresAt: { gt: now } }, orderBy: { created: "desc" } });
}
