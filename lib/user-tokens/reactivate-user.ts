import type { Db } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { discardPendingRegistration, DISCARDED_PASSWORD } from "../users/discard-pending-registration";
import { findUser } from "../users/find-user";
import { updateUserStatus, type UserStatusChange } from "../users/update-user-status";
import { statusNotAllowedError } from "../users/user-errors";
import { issueActivation, recipientOf, type ActivationLink } from "./issue-activation";

const REACTIVATABLE = new Set(["PROVISIONED", "RECOVERY"]);

/**
 * POST /api/v1/users/:id/lifecycle/reactivate (Okta: only PROVISIONED or RECOVERY users): restarts
 * the activation. The user is (again) PROVISIONED, a new activation token replaces the previous one,
 * and with `sendEmail` the activation email goes out, all in one transaction with the caller's
 * record. An unverified self-registration also loses its link and the password chosen at
 * registration (discardPendingRegistration). Another status: 403 E0000038.
 */
export async function reactivateUser(
  db: Db,
  input: { userId: string; sendEmail: boolean; orgUrl: string; now: Date },
  record: RecordChange<UserStatusChange>,
): Promise<ActivationLink> {
  const user: User = await findUser(db, input.userId);
  if (!REACTIVATABLE.has(user.status)) throw statusNotAllowedError(`Only a PROVISIONED or RECOVERY user can be reactivated; this user is ${user.status}.`);
  const { now } = input;
  return db.$transaction(async (tx) => {
    const discarded = await discardPendingRegistration(tx, user);
    await updateUserStatus(tx, user, { ...(discarded ? DISCARDED_PASSWORD : {}), status: "PROVISIONED", transitioningToStatus: null, ...(user.status !== "PROVISIONED" ? { statusChanged: now } : {}), lastUpdated: now });
    const link = await issueActivation(tx, { user: recipientOf(user), sendEmail: input.sendEmail, orgUrl: input.orgUrl, now });
    await record(tx, { user, status: "PROVISIONED" });
    return link;
  });
}
