import type { Db, DbTx } from "../db/create-db-client";
import { timeOrderedUuid } from "../ids/time-ordered-uuid";
import { internEventType } from "./interned-event-types";
import { insertSystemLogRows } from "./insert-system-log-rows";
import { encodeLogParts } from "./system-log-parts";

export type LogActor = { id: string; type: string; alternateId?: string; displayName?: string };
export type LogTarget = { id: string; type: string; alternateId?: string; displayName?: string; detailEntry?: Record<string, unknown> };

export type SystemLogInput = {
  /** Okta's event type names, e.g. user.lifecycle.create, app.oauth2.as.token.grant.access_token */
  eventType: string;
  severity?: "DEBUG" | "INFO" | "WARN" | "ERROR";
  displayMessage: string;
  actor: LogActor;
  client?: { ipAddress?: string | null; userAgent?: string | null };
  outcome: { result: "SUCCESS" | "FAILURE" | "SKIPPED" | "ALLOW" | "DENY" | "CHALLENGE" | "UNKNOWN"; reason?: string };
  target?: LogTarget[];
  debugContext?: Record<string, unknown>;
  transaction?: Record<string, unknown>;
};

/**
 * Appends a System Log event. Never fails the request that caused it: a failed write is reported to
 * the server log and swallowed.
 */
export async function writeSystemLog(db: Db | DbTx, event: SystemLogInput, published: Date): Promise<void> {
  try {
    await insertSystemLogRows(db, [systemLogRow(event, published)]);
  } catch (error) {
    console.error(`[system-log] could not write ${event.eventType}: ${(error as Error).message}`);
  }
}

/**
 * Appends a System Log event as part of the transaction of the change it describes, so the change
 * and its audit row commit or roll back together. Unlike writeSystemLog it throws: a failed insert
 * fails (and on PostgreSQL aborts) the transaction, and the change is not made without its record.
 */
export async function appendSystemLog(tx: DbTx, event: SystemLogInput, published: Date): Promise<void> {
  await insertSystemLogRows(tx, [systemLogRow(event, published)]);
}

/**
 * The row of one event (insertSystemLogRows writes it): the columns the API filters and sorts on,
 * the client's address, references to the parts it shares with other events and its own detail
 * (encodeLogParts). Its uuid is time-ordered (appended to the key index, like Okta's v1 uuids).
 */
export function systemLogRow(event: SystemLogInput, published: Date) {
  const { context, debug, detail } = encodeLogParts(event);
  return {
    uuid: timeOrderedUuid(published),
    /** milliseconds since the epoch */
    published: published.getTime(),
    // the bulk event types as short codes, their usual message as "" (interned-event-types.ts)
    ...internEventType(event.eventType, event.displayMessage),
    severity: event.severity ?? (event.outcome.result === "FAILURE" || event.outcome.result === "DENY" ? "WARN" : "INFO"),
    actorId: event.actor.id,
    outcomeResult: event.outcome.result,
    outcomeReason: event.outcome.reason ?? null,
    ipAddress: event.client?.ipAddress ?? null,
    context,
    debug,
    detail,
  };
}
