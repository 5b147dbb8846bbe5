import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { findUser } from "./find-user";
import { updateUserStatus, type UserStatusChange } from "./update-user-status";
import { wrongStatusError } from "./user-errors";

/** SUSPENDED -> ACTIVE; any other status: 400 E0000001. */
export async function unsuspendUser(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserStatusChange>): Promise<void> {
  const user = await findUser(db, input.userId);
  if (user.status !== "SUSPENDED") throw wrongStatusError(`Only a SUSPENDED user can be unsuspended; this user is ${user.status}.`);
  const { now } = input;
  await db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, { status: "ACTIVE", statusChanged: now, lastUpdated: now });
    await record(tx, { user, status: "ACTIVE" });
  });
}
