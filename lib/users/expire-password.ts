import type { Db } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findUser } from "./find-user";
import { updateUserStatus, type UserStatusChange } from "./update-user-status";
import { statusNotAllowedError } from "./user-errors";

/**
 * POST /api/v1/users/:id/lifecycle/expire_password (Okta): an ACTIVE user with a password becomes
 * PASSWORD_EXPIRED: their next sign-in must choose a new password (the hosted page's expired-password
 * step, the authn PASSWORD_EXPIRED state). An already expired password stays expired (no change, no
 * record). Any other status, or no password: 403 E0000038. Returns the user as saved.
 */
export async function expirePassword(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserStatusChange>): Promise<User> {
  const user = await findUser(db, input.userId);
  if (user.status === "PASSWORD_EXPIRED") return user;
  if (user.status !== "ACTIVE" || !user.passwordHash) {
    throw statusNotAllowedError(`Only an ACTIVE user with a password can have it expired; this user is ${user.status}${user.passwordHash ? "" : " without a password"}.`);
  }
  const { now } = input;
  return db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, { status: "PASSWORD_EXPIRED", statusChanged: now, lastUpdated: now });
    await record(tx, { user, status: "PASSWORD_EXPIRED" });
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
}
