import type { Db } from "../db/create-db-client";
import type { AppGroupAssignment } from "../db/generated/sqlite/client";

/**
 * One keyset page of an app's group assignments ordered by group id (at most `take`, after
 * `after`, the last group id seen), each with the group id as its `id`; `q` (lowercased, "" for
 * any) matches the start of the group name.
 */
export async function readAppGroups(db: Db, appId: string, input: { q: string; take: number; after: string | null }): Promise<(AppGroupAssignment & { id: string })[]> {
  const { q, take, after } = input;
  const rows = await db.appGroupAssignment.findMany({
    where: { appId, ...(after ? { groupId: { gt: after } } : {}), ...(q ? { group: { nameLower: { startsWith: q } } } : {}) },
    orderBy: { groupId: "asc" },
    take,
  });
  return rows.map((row) => ({ ...row, id: row.groupId }));
}
