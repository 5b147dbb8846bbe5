import type { Db, DbTx } from "../db/create-db-client";
import { writeSystemLog, type SystemLogInput } from "../system-log/write-system-log";

/** Okta's System Log event types of SSO sessions. */
export const SESSION_EVENTS = {
  /** a sign-in: SUCCESS when a session starts, FAILURE (with the reason) when credentials are refused */
  start: "user.session.start",
  /** a session ended: sign-out (DELETE /api/v1/sessions/me, /v1/logout) */
  end: "user.session.end",
  /** failed sign-ins reached the org's lockoutThreshold */
  lock: "user.account.lock",
} as const;

export type SessionLogUser = { id: string; login: string };

/** Where the request came from, for the event's `client`. */
export type SessionLogClient = { ipAddress: string | null; userAgent: string | null };

/**
 * Writes a session event with the user as actor and target (awaited: sign-ins are not a hot path,
 * and writeSystemLog never fails the request). An unknown user (a refused sign-in) is logged as
 * Okta does: actor id "unknown" and the login that was tried as alternateId. Inside a transaction
 * the caller passes appendSystemLog, so a failed insert fails the transaction instead of being
 * swallowed.
 */
export async function logSessionEvent(
  db: Db | DbTx,
  event: {
    eventType: string;
    result: "SUCCESS" | "FAILURE";
    displayMessage: string;
    user: SessionLogUser | null;
    attemptedLogin?: string;
    client: SessionLogClient;
    reason?: string;
    session?: { id: string };
    debug?: Record<string, unknown>;
  },
  now: Date,
  write: (db: Db | DbTx, input: SystemLogInput, now: Date) => Promise<void> = writeSystemLog,
): Promise<void> {
  const alternateId = event.user?.login ?? (event.attemptedLogin ?? "").slice(0, 256);
  const input: SystemLogInput = {
    eventType: event.eventType,
    displayMessage: event.displayMessage,
    actor: { id: event.user?.id ?? "unknown", type: "User", alternateId },
    client: event.client,
    outcome: { result: event.result, ...(event.reason ? { reason: event.reason } : {}) },
    target: event.user ? [{ id: event.user.id, type: "User", alternateId: event.user.login }] : [],
    debugContext: event.debug ?? {},
    ...(event.session ? { transaction: { type: "WEB", id: event.session.id } } : {}),
  };
  await write(db, input, now);
}
