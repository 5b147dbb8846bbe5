import type { AppContext } from "../app-context";
import type { PlainRequest, PlainResponse } from "../http/plain-http";
import { currentSession } from "./current-session";
import { sessionJson } from "./session-json";

/**
 * GET /api/v1/sessions/me (okta-auth-js session.get/exists): the browser's SSO session as Okta's
 * Session object, or 404 E0000007. Reading it counts as use (the idle expiry slides).
 */
export async function getMySession(app: AppContext, request: PlainRequest): Promise<PlainResponse> {
  const found = await currentSession(app, request, app.now());
  if ("response" in found) return found.response;
  return { status: 200, body: sessionJson(app.orgUrl, found.session) };
}
