import type { Db, DbTx } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { endSessionInTransaction, type EndSessionContext } from "./end-session";

/** What ending a user's sessions records: the user and the sessions ended. */
export type UserSessionsEnded = { user: { id: string; login: string }; sessionIds: string[] };

/**
 * Ends sessions of a user (an administrator's "End session", "End all sessions"; the user's own on
 * My Account): `sessionId`, that session of the user; without it, every live one but
 * `exceptSessionId` (the user's "sign out everywhere else" keeps the browser they use). Each session logs user.session.end (with
 * `context`), then `record` runs, all in one transaction: the sessions end with their events or not
 * at all. The number of sessions ended (every live one: possibly 0, still recorded); "gone" when
 * the user, or the named session of the user, does not exist: nothing is ended or recorded.
 */
export async function endUserSessions(
  db: Db,
  input: { userId: string; sessionId?: string; exceptSessionId?: string; now: Date; context: EndSessionContext },
  record: RecordChange<UserSessionsEnded>,
): Promise<number | "gone"> {
  const { userId, sessionId, now } = input;
  let ended: UserSessionsEnded;
  if (sessionId !== undefined) {
    const session = await db.userSession.findFirst({ where: { id: sessionId, userId }, select: { id: true, user: { select: { id: true, login: true } } } });
    if (!session) return "gone";
    ended = { user: session.user, sessionIds: [session.id] };
  } else {
    const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, login: true } });
    if (!user) return "gone";
    ended = { user, sessionIds: await liveSessionIds(db, userId, input.exceptSessionId, now) };
  }
  await db.$transaction(async (tx) => {
    for (const id of ended.sessionIds) await endSessionInTransaction(tx, id, now, input.context);
    await record(tx, ended);
  });
  return ended.sessionIds.length;
}

/** The user's sessions not yet ended nor past their absolute expiry, but `exceptSessionId`. */
async function liveSessionIds(db: Db | DbTx, userId: string, exceptSessionId: string | undefined, now: Date): Promise<string[]> {
  const sessions = await db.userSession.findMany({ where: { userId, revoked: null, expiresAt: { gt: now }, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) }, select: { id: true } });
  return sessions.map((session) => session.id);
}

/**
 * Ends every live session of a user but `exceptSessionId`, inside the caller's transaction (a
 * password change ends the other sessions with it): each logs user.session.end. The ids ended.
 */
export async function endOtherSessionsInTransaction(tx: DbTx, input: { userId: string; exceptSessionId: string; now: Date; context: EndSessionContext }): Promise<string[]> {
  const ids = await liveSessionIds(tx, input.userId, input.exceptSessionId, input.now);
  for (const id of ids) await endSessionInTransaction(tx, id, input.now, input.context);
  return ids;
}
