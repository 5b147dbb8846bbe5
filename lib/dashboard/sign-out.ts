import type { Db } from "../db/create-db-client";
import { endSession } from "../sessions/end-session";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";
import type { DashboardClient } from "./dashboard-context";

/** Ends the session of the request's `sid` cookie, if it is live (the caller clears the cookie). */
export async function signOutAdmin(db: Db, cookieHeader: string | null, now: Date, client: DashboardClient): Promise<boolean> {
  const session = await readSession(db, readSessionCookie(cookieHeader), now);
  if (!session) return false;
  await endSession(db, session.id, now, { client, debug: { via: "admin_dashboard" } });
  return true;
}

/** The session cookie the caller clears after signOutAdmin. */
export { SESSION_COOKIE_NAME } from "../sessions/session-cookie";
