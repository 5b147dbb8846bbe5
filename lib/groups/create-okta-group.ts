import type { Db } from "../db/create-db-client";
import type { Group } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { assertGroupNameFree, duplicateGroupNameError } from "./assert-group-name-free";

/**
 * Creates an OKTA_GROUP group, its name free in the org (ignoring case; E0000001 otherwise, also
 * when a concurrent create takes the name first). `record` runs in the same transaction.
 */
export async function createOktaGroup(db: Db, input: { name: string; description: string | null; now: Date }, record: RecordChange<Group>): Promise<Group> {
  const { name, description, now } = input;
  try {
    return await db.$transaction(async (tx) => {
      await assertGroupNameFree(tx, name, null);
      const created = await tx.group.create({
        data: { id: newId("group"), type: "OKTA_GROUP", name, nameLower: name.toLowerCase(), description, created: now, lastUpdated: now, lastMembershipUpdated: now },
      });
      await record(tx, created);
      return created;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? duplicateGroupNameError(name) : error;
  }
}
