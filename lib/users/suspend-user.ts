import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { revokeUserGrants } from "../oauth/tokens/revoke-user-grants";
import { assertNotLastActiveAdmin } from "./assert-not-last-admin";
import { findUser } from "./find-user";
import { updateUserStatus, type UserStatusChange } from "./update-user-status";
import { wrongStatusError } from "./user-errors";

/**
 * ACTIVE -> SUSPENDED, revoking every grant and session in the same transaction. Any other status:
 * 400 E0000001 (as Okta). The last active administrator cannot be suspended (400).
 */
export async function suspendUser(db: Db, input: { userId: string; now: Date }, record: RecordChange<UserStatusChange>): Promise<void> {
  const user = await findUser(db, input.userId);
  if (user.status !== "ACTIVE") throw wrongStatusError(`Only an ACTIVE user can be suspended; this user is ${user.status}.`);
  const { now } = input;
  await db.$transaction(async (tx) => {
    await assertNotLastActiveAdmin(tx, user, "suspending");
    await updateUserStatus(tx, user, { status: "SUSPENDED", statusChanged: now, lastUpdated: now });
    await revokeUserGrants(tx, user.id, now);
    await record(tx, { user, status: "SUSPENDED" });
  });
}
