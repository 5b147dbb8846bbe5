import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { currentSession } from "./current-session";
import { sessionJson } from "./session-json";

/**
 * POST /api/v1/sessions/me/lifecycle/refresh (okta-auth-js session.refresh): extends the idle
 * expiry (readSession slides it, at most once a minute) and answers the Session object; 404
 * E0000007 without a live session. The absolute lifetime never moves.
 */
export async function refreshMySession(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const found = await currentSession(app, request, app.now());
  if ("response" in found) return found.response;
  return { status: 200, body: sessionJson(app.orgUrl, found.session) };
}
