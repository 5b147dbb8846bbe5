import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { discardPendingRegistration, DISCARDED_PASSWORD } from "./discard-pending-registration";
import { findUser } from "./find-user";
import { updateUserStatus, type UserStatusChange } from "./update-user-status";
import { alreadyActiveError, statusNotAllowedError } from "./user-errors";

const ACTIVATABLE = new Set(["STAGED", "PROVISIONED", "DEPROVISIONED"]);

/**
 * STAGED, PROVISIONED or DEPROVISIONED -> ACTIVE when the user has a password, PROVISIONED
 * otherwise; the failed sign-in count is reset. An unverified self-registration (PROVISIONED, never
 * activated, an EMAIL_VERIFY token) loses its link and the password chosen at registration
 * (discardPendingRegistration) and stays PROVISIONED: the person sets a password through the
 * administrator's activation link, not the one whoever registered the address chose. An ACTIVE user: 403 E0000016; any other status
 * (SUSPENDED, LOCKED_OUT, ...): 403 E0000038, naming the operation to use instead.
 */
export async function activateUser(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserStatusChange>): Promise<void> {
  const user = await findUser(db, input.userId);
  if (user.status === "ACTIVE") throw alreadyActiveError();
  if (!ACTIVATABLE.has(user.status)) {
    const instead = user.status === "SUSPENDED" ? " Unsuspend it instead." : user.status === "LOCKED_OUT" ? " Unlock it instead." : "";
    throw statusNotAllowedError(`Only a STAGED, PROVISIONED or DEPROVISIONED user can be activated; this user is ${user.status}.${instead}`);
  }
  const { now } = input;
  await db.$transaction(async (tx) => {
    const discarded = await discardPendingRegistration(tx, user);
    const status = user.passwordHash && !discarded ? "ACTIVE" : "PROVISIONED";
    await updateUserStatus(tx, user, {
      ...(discarded ? DISCARDED_PASSWORD : {}),
      status,
      transitioningToStatus: null,
      activated: now,
      ...(status !== user.status ? { statusChanged: now } : {}),
      failedAttempts: 0,
      lastFailedAttempt: null,
      lockedOut: null,
      lastUpdated: now,
    });
    await record(tx, { user, status });
  });
}
