import type { InTransaction } from "../db/record-change";
import { appendSystemLog, writeSystemLog, type LogTarget } from "../system-log/write-system-log";

/** Where a My Account request came from (the System Log's client). */
export type AccountClient = { ipAddress: string | null; userAgent: string | null };

type AccountEvent = {
  eventType: string;
  displayMessage: string;
  user: { id: string; login: string };
  client: AccountClient;
  sessionId: string;
  result?: "SUCCESS" | "FAILURE";
  reason?: string;
  /** what else the change touched (an app, a factor); the user is always a target */
  targets?: LogTarget[];
  debug?: Record<string, unknown>;
};

function input(event: AccountEvent) {
  const who = { id: event.user.id, type: "User", alternateId: event.user.login };
  return {
    eventType: event.eventType,
    displayMessage: event.displayMessage,
    actor: who,
    client: event.client,
    outcome: { result: event.result ?? "SUCCESS", ...(event.reason ? { reason: event.reason } : {}) },
    target: [who, ...(event.targets ?? [])],
    debugContext: { source: "my_account", ...event.debug },
    transaction: { type: "WEB", id: event.sessionId },
  };
}

/** A change a user made to their own account (My Account), with the user as actor: in the change's transaction. */
export function recordAccountEvent(tx: InTransaction, event: AccountEvent, now: Date): Promise<void> {
  return appendSystemLog(tx, input(event), now);
}

/** A refused change (a wrong current password, a policy refusal): logged on its own, never failing the request. */
export function logAccountRefusal(db: Parameters<typeof writeSystemLog>[0], event: Omit<AccountEvent, "result">, now: Date): Promise<void> {
  return writeSystemLog(db, input({ ...event, result: "FAILURE" }), now);
}
