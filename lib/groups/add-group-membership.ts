import type { Db } from "../db/create-db-client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { notFoundError } from "../okta-api/admin-api-error";
import { findGroup } from "./find-group";
import { touchGroupMembership } from "./touch-group-membership";

/**
 * Makes the user a member of the group. Idempotent: an existing member (also one a concurrent
 * request added) changes nothing and records nothing. A new member moves the group's
 * lastMembershipUpdated; `record` runs in the same transaction. A group or user deleted meanwhile
 * is E0000007 (UserGroup, else User).
 */
export async function addGroupMembership(db: Db, input: { groupId: string; userId: string; now: Date }, record: RecordChange): Promise<"added" | "already-member"> {
  const { groupId, userId, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId } } });
      if (existing) return "already-member";
      await tx.groupMembership.create({ data: { groupId, userId, created: now } });
      await touchGroupMembership(tx, groupId, now);
      await record(tx);
      return "added";
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") return "already-member"; // a concurrent request added the same member
    if (code === "P2003" || code === "P2025") {
      // the group or the user was deleted meanwhile
      await findGroup(db, groupId);
      throw notFoundError(userId, "User");
    }
    throw error;
  }
}
