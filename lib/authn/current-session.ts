import type { AppContext } from "../app-context";
import { notFoundError, toAdminErrorBody } from "../okta-api/admin-api-error";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { readSession } from "../sessions/read-session";
import { clearSessionCookie, readSessionCookie } from "../sessions/session-cookie";
import type { SessionInfo } from "../sessions/types";

/**
 * The session of the request's `sid` cookie, or the answer to give when there is none: 404
 * E0000007 "Not found: Resource not found: me (Session)" (okta-auth-js reads it as "no session"),
 * clearing a cookie that was sent but no longer names a live session.
 */
export async function currentSession(app: AppContext, request: PlainRequest, now: Date): Promise<{ session: SessionInfo } | { response: PlainResponse }> {
  const cookieValue = readSessionCookie(request.headers.get("cookie"));
  const session = await readSession(app.db, cookieValue, now);
  if (session) return { session };
  const sentCookie = /(^|;)\s*sid=/.test(request.headers.get("cookie") ?? "");
  return {
    response: {
      status: 404,
      body: toAdminErrorBody(notFoundError("me", "Session")),
      headers: sentCookie ? { "Set-Cookie": clearSessionCookie({ orgUrl: app.orgUrl }) } : {},
    },
  };
}
