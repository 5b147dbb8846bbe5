import type { InTransaction } from "../db/record-change";
import { appendSystemLog, type LogActor, type LogTarget } from "../system-log/write-system-log";

/** Okta's System Log event types of the activation and recovery flows run by the user themself. */
export const USER_TOKEN_EVENTS = {
  /** a recovery email was asked for (SUCCESS: sent to a user; SKIPPED: no user could recover, nothing sent) */
  recoveryEmail: "system.email.password_reset.sent_message",
  /** a new password set with a recovery link or the authn PASSWORD_RESET state */
  resetPassword: "user.account.reset_password",
  /** an expired password replaced by the user */
  updatePassword: "user.account.update_password",
  /** the welcome page: the user chose a password and is ACTIVE */
  activate: "user.lifecycle.activate",
} as const;

/** Where the request came from. */
export type EventClient = { ipAddress: string | null; userAgent: string | null };

/** Appends an event whose actor (unless given) and target are the user (inside the change's transaction: both commit or neither). */
export async function logUserEvent(
  tx: InTransaction,
  event: {
    eventType: string;
    displayMessage: string;
    user: { id: string; login: string } | null;
    result: "SUCCESS" | "SKIPPED";
    reason?: string;
    client: EventClient;
    debug?: Record<string, unknown>;
    /** another actor than the user (housekeeping) */
    actor?: LogActor;
    /** more targets after the user (a group joined) */
    targets?: LogTarget[];
  },
  now: Date,
): Promise<void> {
  const who = event.user ? { id: event.user.id, type: "User", alternateId: event.user.login } : null;
  await appendSystemLog(
    tx,
    {
      eventType: event.eventType,
      displayMessage: event.displayMessage,
      actor: event.actor ?? who ?? { id: "unknown", type: "User", alternateId: "unknown user" },
      client: event.client,
      outcome: { result: event.result, ...(event.reason ? { reason: event.reason } : {}) },
      target: [...(who ? [who] : []), ...(event.targets ?? [])],
      debugContext: event.debug ?? {},
    },
    now,
  );
}
