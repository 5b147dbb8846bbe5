import { asJson } from "../db/as-json";
import type { Db, DbTx } from "../db/create-db-client";
import { timeOrderedUuid } from "../ids/time-ordered-uuid";

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
    await db.systemLogEvent.create({ data: systemLogRow(event, published), select: { uuid: true } });
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
  await tx.systemLogEvent.create({ data: systemLogRow(event, published), select: { uuid: true } });
}

/** The row of one event; its uuid is time-ordered (appended to the key index, like Okta's v1 uuids). */
export function systemLogRow(event: SystemLogInput, published: Date) {
  return {
    uuid: timeOrderedUuid(published),
    published,
    eventType: event.eventType,
    severity: event.severity ?? (event.outcome.result === "FAILURE" || event.outcome.result === "DENY" ? "WARN" : "INFO"),
    displayMessage: event.displayMessage,
    actorId: event.actor.id,
    actor: asJson(event.actor),
    client: asJson({
      ipAddress: event.client?.ipAddress ?? null,
      userAgent: event.client?.userAgent ? { rawUserAgent: event.client.userAgent } : null,
    }),
    outcomeResult: event.outcome.result,
    outcomeReason: event.outcome.reason ?? null,
    target: asJson(event.target ?? []),
    debugContext: asJson({ debugData: event.debugContext ?? {} }),
    transaction: asJson(event.transaction ?? {}),
  };
}
