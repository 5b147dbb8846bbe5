import type { DbTx } from "../db/create-db-client";
import { appendSystemLog, type LogTarget } from "../system-log/write-system-log";
import type { AdminContext } from "./admin-request";

/**
 * A client inside an interactive transaction and nothing else: the database client itself has
 * `$connect` (a transaction client has not), so handing it to audit() does not typecheck.
 */
export type InTransaction = DbTx & { $connect?: never };

/**
 * System Log entry for a management change, attributed to the API token's owner, written by the
 * transaction that makes the change: both commit or neither does. A failed insert throws (and on
 * PostgreSQL aborts the transaction), so the change is never made without its record.
 */
export function audit(tx: InTransaction, ctx: AdminContext, eventType: string, displayMessage: string, target: LogTarget[], debugContext?: Record<string, unknown>) {
  return appendSystemLog(
    tx,
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
