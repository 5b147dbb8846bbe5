import type { InTransaction } from "../db/record-change";
import type { LogActor } from "../system-log/write-system-log";
import { logUserEvent, type EventClient } from "../user-tokens/user-token-events";

/** The System Log events of self-service registration (Okta's event type names where Okta has one). */
export const REGISTRATION_EVENTS = {
  /** a registration was accepted (SUCCESS: a user was created or an unverified one replaced; SKIPPED: the address is taken, its owner gets the account-exists notice) */
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

export type RegistrationClient = EventClient;

/** The housekeeping's actor. */
export const SYSTEM_ACTOR: LogActor = { id: "system", type: "SystemPrincipal", alternateId: "system", displayName: "System" };

/** An event of a registration (logUserEvent: actor the person unless given, target the user and any more), debugContext `via: self_service_registration`. */
export function logRegistrationEvent(
  tx: InTransaction,
  event: Omit<Parameters<typeof logUserEvent>[1], "client"> & { client?: EventClient },
  now: Date,
): Promise<void> {
  return logUserEvent(tx, { ...event, client: event.client ?? { ipAddress: null, userAgent: null }, debug: { via: "self_service_registration", ...event.debug } }, now);
}
