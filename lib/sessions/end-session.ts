import type { Db, DbTx } from "../db/create-db-client";
import { appendSystemLog, writeSystemLog } from "../system-log/write-system-log";
import { logSessionEvent, SESSION_EVENTS, type SessionLogClient } from "./session-events";

export type EndSessionContext = {
  client?: SessionLogClient;
  /** why, for the log's debugContext (e.g. { via: "oidc_logout", authServerId }) */
  debug?: Record<string, unknown>;
};

/**
 * Ends a session (sign-out): sets `revoked`, conditionally, so of two concurrent sign-outs only one
 * ends it and logs `user.session.end`. An unknown or already ended session is a no-op. The cookie
 * is the caller's to clear (clearSessionCookie).
 */
export async function endSession(db: Db, sessionId: string, now: Date, context: EndSessionContext = {}): Promise<void> {
  await end(db, sessionId, now, context, writeSystemLog);
}

/** endSession inside the caller's transaction: its user.session.end event commits with it or not at all. */
export async function endSessionInTransaction(tx: DbTx, sessionId: string, now: Date, context: EndSessionContext = {}): Promise<void> {
  await end(tx, sessionId, now, context, appendSystemLog);
}

async function end(db: Db | DbTx, sessionId: string, now: Date, context: EndSessionContext, write: typeof writeSystemLog): Promise<void> {
  const ended = await db.userSession.updateMany({ where: { id: sessionId, revoked: null }, data: { revoked: now } });
  if (ended.count !== 1) return;
  const row = await db.userSession.findUnique({ where: { id: sessionId }, select: { user: { select: { id: true, login: true } } } });
  await logSessionEvent(
    db,
    {
      eventType: SESSION_EVENTS.end,
      result: "SUCCESS",
      displayMessage: "User logout",
      user: row?.user ?? null,
      client: context.client ?? { ipAddress: null, userAgent: null },
      session: { id: sessionId },
      debug: context.debug ?? {},
    },
    now,
    write,
  );
}
