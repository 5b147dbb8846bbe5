import { writeSystemLog, type LogTarget } from "../system-log/write-system-log";
import type { AdminContext } from "./admin-request";

/** System Log entry for a successful management change, attributed to the API token's owner. */
export function audit(ctx: AdminContext, eventType: string, displayMessage: string, target: LogTarget[], debugContext?: Record<string, unknown>) {
  return writeSystemLog(
    ctx.db,
    {
      eventType,
      displayMessage,
      actor: { id: ctx.actor.userId, type: "User", alternateId: ctx.actor.login, displayName: ctx.actor.displayName },
      client: { ipAddress: ctx.request.ipAddress, userAgent: ctx.request.headers.get("user-agent") },
      outcome: { result: "SUCCESS" },
      target,
      debugContext: { ...debugContext, apiTokenId: ctx.actor.apiTokenId, requestUri: ctx.request.url.pathname },
    },
    ctx.now(),
  );
}
