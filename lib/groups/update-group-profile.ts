import type { Db } from "../db/create-db-client";
import type { Group } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { notFoundError } from "../okta-api/admin-api-error";
import { assertGroupNameFree, duplicateGroupNameError } from "./assert-group-name-free";

/**
 * Replaces a group's profile (name and description) whole. The name must be free in the org
 * (ignoring case) but for this group's own: E0000001 otherwise; a group deleted meanwhile is
 * E0000007. `record` runs in the same transaction.
 */
export async function updateGroupProfile(
  db: Db,
  input: { id: string; name: string; description: string | null; now: Date },
  record: RecordChange<Group>,
): Promise<Group> {
  const { id, name, description, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      await assertGroupNameFree(tx, name, id);
      const updated = await tx.group.update({ where: { id }, data: { name, nameLower: name.toLowerCase(), description, lastUpdated: now } });
      await record(tx, updated);
      return updated;
    });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") throw duplicateGroupNameError(name);
    if (prismaErrorCode(error) === "P2025") throw notFoundError(id, "UserGroup"); // deleted meanwhile
    throw error;
  }
}
