import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { findUser } from "./find-user";
import { updateUserStatus, type UserStatusChange } from "./update-user-status";
import { unlockNotAllowedError } from "./user-errors";

/**
 * LOCKED_OUT -> ACTIVE with the failed sign-in count reset. An ACTIVE user only has its
 * failed-attempt count reset (Okta also unlocks ACTIVE users), and nothing changes or is recorded
 * when there is none; any other status: 403 E0000032.
 */
export async function unlockUser(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserStatusChange>): Promise<void> {
  const user = await findUser(db, input.userId);
  if (user.status !== "LOCKED_OUT" && user.status !== "ACTIVE") throw unlockNotAllowedError(user.status);
  const counted = user.failedAttempts > 0 || user.lastFailedAttempt !== null || user.lockedOut !== null;
  if (user.status === "ACTIVE" && !counted) return;
  const { now } = input;
  await db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, {
      status: "ACTIVE",
      ...(user.status === "LOCKED_OUT" ? { statusChanged: now } : {}),
      failedAttempts: 0,
      lastFailedAttempt: null,
      lockedOut: null,
      lastUpdated: now,
    });
    await record(tx, { user, status: "ACTIVE" });
  });
}
