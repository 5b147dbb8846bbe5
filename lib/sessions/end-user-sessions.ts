import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { endSessionInTransaction, type EndSessionContext } from "./end-session";

/** What ending a user's sessions records: the user and the sessions ended. */
export type UserSessionsEnded = { user: { id: string; login: string }; sessionIds: string[] };

/**
 * Ends sessions of a user (an administrator's "End session", "End all sessions"): `sessionId`, that
 * session of the user; without it, every live one. Each session logs user.session.end (with
 * `context`), then `record` runs, all in one transaction: the sessions end with their events or not
 * at all. The number of sessions ended (every live one: possibly 0, still recorded); "gone" when
 * the user, or the named session of the user, does not exist: nothing is ended or recorded.
 */
export async function endUserSessions(
  db: Db,
  input: { userId: string; sessionId?: string; now: Date; context: EndSessionContext },
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
    const sessions = await db.userSession.findMany({ where: { userId, revoked: null, expiresAt: { gt: now } }, select: { id: true } });
    ended = { user, sessionIds: sessions.map((session) => session.id) };
  }
  await db.$transaction(async (tx) => {
    for (const id of ended.sessionIds) await endSessionInTransaction(tx, id, now, input.context);
    await record(tx, ended);
  });
  return ended.sessionIds.length;
}
