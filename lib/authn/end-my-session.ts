import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { endSession } from "../sessions/end-session";
import { clearSessionCookie } from "../sessions/session-cookie";
import { currentSession } from "./current-session";

/**
 * DELETE /api/v1/sessions/me (okta-auth-js closeSession / signOut without an ID token): ends the
 * browser's session (user.session.end), clears the cookie, 204; 404 E0000007 without a live session.
 */
export async function endMySession(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const now = app.now();
  const found = await currentSession(app, request, now);
  if ("response" in found) return found.response;
  await endSession(app.db, found.session.id, now, {
    client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
    debug: { via: "DELETE /api/v1/sessions/me" },
  });
  return { status: 204, headers: { "Set-Cookie": clearSessionCookie({ orgUrl: app.orgUrl }) } };
}
