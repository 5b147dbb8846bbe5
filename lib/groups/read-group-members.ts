import type { Db } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";

/**
 * One keyset page of a group's members ordered by user id (at most `take`, after `after`): every
 * user for the BUILT_IN group Everyone, the explicit members for any other.
 */
export async function readGroupMembers(db: Db, group: { id: string; type: string }, page: { take: number; after: string | null }): Promise<User[]> {
  const everyone = group.type === "BUILT_IN";
  return db.user.findMany({
    where: {
      ...(everyone ? {} : { memberships: { some: { groupId: group.id } } }),
      ...(page.after ? { id: { gt: page.after } } : {}),
    },
    orderBy: { id: "asc" },
    take: page.take,
  });
}
