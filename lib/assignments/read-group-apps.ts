import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";

/** One keyset page of the apps a group is assigned to, ordered by app id (at most `take`, after `after`). */
export async function readGroupApps(db: Db, groupId: string, page: { take: number; after: string | null }): Promise<App[]> {
  return db.app.findMany({
    where: { groupAssignments: { some: { groupId } }, ...(page.after ? { id: { gt: page.after } } : {}) },
    orderBy: { id: "asc" },
    take: page.take,
  });
}
