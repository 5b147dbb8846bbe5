import type { InTransaction } from "../db/record-change";
import { appendSystemLog, type LogTarget } from "../system-log/write-system-log";
import type { OperationContext } from "./admin-request";

export type { InTransaction };

/**
 * System Log entry for a management change, attributed to the caller (the API token's owner, or the
 * dashboard's signed-in admin with apiTokenId `dashboard`), written by the
 * transaction that makes the change: both commit or neither does. A failed insert throws (and on
 * PostgreSQL aborts the transaction), so the change is never made without its record.
 */
export function audit(tx: InTransaction, ctx: OperationContext, eventType: string, displayMessage: string, target: LogTarget[], debugContext?: Record<string, unknown>) {
  return appendSystemLog(
    tx,
    {
      eventType,
      displayMessage,
      actor: { id: ctx.actor.userId, type: ctx.actor.kind === "app" ? "PublicClientApp" : "User", alternateId: ctx.actor.login, displayName: ctx.actor.displayName },
      client: ctx.client,
      outcome: { result: "SUCCESS" },
      target,
      debugContext: { ...debugContext, apiTokenId: ctx.actor.apiTokenId, ...(ctx.requestUri !== null ? { requestUri: ctx.requestUri } : {}) },
    },
    ctx.now(),
  );
}
