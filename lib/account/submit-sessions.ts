import type { AppContext } from "../app-context";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { endSession } from "../sessions/end-session";
import { clearSessionCookie } from "../sessions/session-cookie";
import { endUserSessions } from "../sessions/end-user-sessions";
import { recordAccountEvent } from "./account-event";
import { handleAccountPost } from "./account-post";
import { accountPageUrl } from "./account-urls";

/**
 * POST /account/sessions/submit (csrf, action):
 * - `action=end`, `session=<id>`: ends that session of the user (endUserSessions, scoped to the
 *   user: another user's session id is "gone", nothing changes); the session of this browser
 *   signs out (the cookie cleared, home);
 * - `action=end-others`: every other live session of the user ends, this one stays.
 * Each ended session logs user.session.end; user.session.clear records the user's request, in the
 * same transaction.
 */
export function submitSessions(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "sessions", async ({ form, visitor, client }) => {
    const now = app.now();
    const context = { client, debug: { via: "my_account" } };
    const user = { id: visitor.user.id, login: visitor.user.login };
    const record = (count: number) => (tx: Parameters<Parameters<typeof endUserSessions>[2]>[0], ended: { sessionIds: string[] }) =>
      recordAccountEvent(tx, { eventType: "user.session.clear", displayMessage: `User ended ${count === 1 ? "a session" : "sessions"}`, user, client, sessionId: visitor.session.id, debug: { endedSessionIds: ended.sessionIds } }, now);
    const action = form.get("action");
    if (action === "end-others") {
      const ended = await endUserSessions(app.db, { userId: user.id, exceptSessionId: visitor.session.id, now, context }, (tx, ended) => record(ended.sessionIds.length)(tx, ended));
      return seeOther(accountPageUrl(app.orgUrl, "sessions", { done: "endedOthers", count: ended === "gone" ? 0 : ended }));
    }
    const sessionId = form.get("session") ?? "";
    if (action !== "end" || !sessionId) return seeOther(accountPageUrl(app.orgUrl, "sessions"));
    if (sessionId === visitor.session.id) {
      await endSession(app.db, sessionId, now, context);
      return seeOther(`${app.orgUrl}/`, [clearSessionCookie({ orgUrl: app.orgUrl })]);
    }
    const ended = await endUserSessions(app.db, { userId: user.id, sessionId, now, context }, record(1));
    return seeOther(accountPageUrl(app.orgUrl, "sessions", ended === "gone" ? { error: "gone" } : { done: "ended" }));
  });
}
