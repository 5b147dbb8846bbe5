import type { Db } from "../db/create-db-client";
import type { Group } from "../db/generated/sqlite/client";

/**
 * Up to `take` of a user's groups with id > `after`, ordered by id (the keyset fetchPage expects):
 * the built-in group Everyone (which holds every user without membership rows) and the user's
 * explicit groups.
 */
export function listGroupsOfUser(db: Db, userId: string, take: number, after: string | null): Promise<Group[]> {
  return db.group.findMany({
    where: {
      OR: [{ type: "BUILT_IN" }, { memberships: { some: { userId } } }],
      ...(after ? { id: { gt: after } } : {}),
    },
    orderBy: { id: "asc" },
    take,
  });
}
