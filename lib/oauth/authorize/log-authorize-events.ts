import { queueSystemLog } from "../../system-log/queue-system-log";
import type { LogActor, LogTarget } from "../../system-log/write-system-log";
import type { AuthorizeContext } from "./authorize-context";

export type AuthorizeLogEntry = {
  eventType: string;
  result: "SUCCESS" | "FAILURE" | "DENY" | "CHALLENGE";
  /** why: never sent to the client */
  reason?: string;
  displayMessage: string;
  user?: { id: string; login: string } | null;
  token?: { type: "access_token" | "id_token" | "authorization_code"; id: string; expires?: Date };
  debug?: Record<string, unknown>;
};

/**
 * Writes an authorize event (queued, never failing the request): the actor is the user when known,
 * otherwise the client; targets are the app, the authorization server and the token issued;
 * debugContext carries the response type and mode, the requested scopes and what the caller adds
 * (policy and rule, denial reason).
 */
export function logAuthorizeEvent(ctx: AuthorizeContext, entry: AuthorizeLogEntry, request: { responseType?: string; responseMode?: string; scopes?: string | null } = {}): void {
  const { client, snapshot } = ctx;
  const actor: LogActor = entry.user
    ? { id: entry.user.id, type: "User", alternateId: entry.user.login }
    : { id: client.clientId, type: "PublicClientApp", alternateId: client.clientId, displayName: client.label };
  const target: LogTarget[] = [
    { id: client.appId, type: "AppInstance", alternateId: client.clientId, displayName: client.label },
    { id: snapshot.id, type: "AuthorizationServer", displayName: snapshot.name },
  ];
  if (entry.token) target.push({ id: entry.token.id, type: entry.token.type, ...(entry.token.expires ? { detailEntry: { expires: entry.token.expires.toISOString() } } : {}) });
  queueSystemLog(
    ctx.app.db,
    {
      eventType: entry.eventType,
      displayMessage: entry.displayMessage,
      actor,
      client: { ipAddress: ctx.request.ipAddress, userAgent: ctx.request.headers.get("user-agent") },
      outcome: { result: entry.result, ...(entry.reason ? { reason: entry.reason } : {}) },
      target,
      debugContext: { ...request, ...entry.debug },
    },
    ctx.now,
  );
}
