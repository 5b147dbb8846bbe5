import { keepingASuperAdmin } from "../admin-roles/super-admin-holders";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { touchGroupMembership } from "./touch-group-membership";

/**
 * Ends the user's membership of the group. Idempotent: a user who is not a member changes nothing
 * and records nothing. A removal moves the group's lastMembershipUpdated; `record` runs in the
 * same transaction. Removing the last active super administrator from the group that gives them
 * SUPER_ADMIN is refused (400).
 */
export async function removeGroupMembership(db: Db, input: { groupId: string; userId: string; now: Date }, record: RecordChange): Promise<"removed" | "not-member"> {
  const { groupId, userId, now } = input;
  return db.$transaction(async (tx) => {
    const { count } = await keepingASuperAdmin(tx, `Removing the user ${userId} from the group ${groupId}`, () => tx.groupMembership.deleteMany({ where: { groupId, userId } }));
    if (count === 0) return "not-member";
    await touchGroupMembership(tx, groupId, now);
    await record(tx);
    return "removed";
  });
}
