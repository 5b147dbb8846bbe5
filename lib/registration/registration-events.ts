import type { InTransaction } from "../db/record-change";
import { appendSystemLog, type LogActor } from "../system-log/write-system-log";

/** The System Log events of self-service registration (Okta's event type names where Okta has one). */
export const REGISTRATION_EVENTS = {
  /** a registration was accepted (SUCCESS: a user was created or an unverified one replaced; SKIPPED: the address is taken, nothing sent) */
  create: "user.lifecycle.create",
  /** the verification link was used with the registration's password */
  verifyEmail: "user.account.verify_email",
  /** ... and the account became ACTIVE */
  activate: "user.lifecycle.activate",
  /** ... and joined a default group */
  groupAdd: "group.user_membership.add",
  /** housekeeping removed a registration never verified */
  expire: "user.lifecycle.delete.completed",
} as const;

export type RegistrationClient = { ipAddress: string | null; userAgent: string | null };

/** The housekeeping's actor. */
export const SYSTEM_ACTOR: LogActor = { id: "system", type: "SystemPrincipal", alternateId: "system", displayName: "System" };

/** Appends an event of a registration (actor the person, or the system; target the user and any more) in the change's transaction. */
export async function logRegistrationEvent(
  tx: InTransaction,
  event: {
    eventType: string;
    displayMessage: string;
    user: { id: string; login: string } | null;
    actor?: LogActor;
    result: "SUCCESS" | "SKIPPED";
    reason?: string;
    client?: RegistrationClient;
    targets?: Array<{ id: string; type: string; alternateId?: string }>;
    debug?: Record<string, unknown>;
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
      client: event.client ?? {},
      outcome: { result: event.result, ...(event.reason ? { reason: event.reason } : {}) },
      target: [...(who ? [who] : []), ...(event.targets ?? [])],
      debugContext: { via: "self_service_registration", ...event.debug },
    },
    now,
  );
}
