import { writeSystemLog } from "../../system-log/write-system-log";
import type { OperationContext } from "../admin-request";
import { APP_GRANT_EVENTS } from "./app-grant-events";
import type { GrantApp } from "./app-grant-json";

/**
 * The DENY System Log event of a service app that tried to grant itself an okta.* scope with its
 * own access token (runGrantAppScope refuses it: 403): attributed like audit() attributes changes.
 */
export function logSelfGrantRefused(ctx: OperationContext, app: GrantApp, scopeId: string): Promise<void> {
  const { actor } = ctx;
  return writeSystemLog(
    ctx.db,
    {
      eventType: APP_GRANT_EVENTS.grant,
      displayMessage: `Grant ${scopeId} to app ${app.label}`,
      actor: { id: actor.userId, type: actor.kind === "app" ? "PublicClientApp" : "User", alternateId: actor.login, displayName: actor.displayName },
      client: ctx.client,
      outcome: { result: "DENY", reason: "An app cannot grant Okta API scopes to itself." },
      target: [{ id: app.id, type: "AppInstance", alternateId: app.clientId, displayName: app.label }],
      debugContext: { scopeId, apiTokenId: actor.apiTokenId, ...(ctx.requestUri !== null ? { requestUri: ctx.requestUri } : {}) },
    },
    ctx.now(),
  );
}
