import type { Db } from "../db/create-db-client";
import type { Group } from "../db/generated/sqlite/client";
import type { GroupCondition } from "./group-filter-where";

/**
 * One keyset page of groups (Everyone included) ordered by id: those after `after` that meet every
 * condition and whose lowercased name starts with `q` ("" for any), at most `take`.
 */
export async function readGroups(db: Db, input: { conditions: GroupCondition[]; q: string; take: number; after: string | null }): Promise<Group[]> {
  const { conditions, q, take, after } = input;
  const where: GroupCondition = { AND: [...conditions, ...(after ? [{ id: { gt: after } }] : [])] };
  if (!q) return db.group.findMany({ where, orderBy: { id: "asc" }, take });
  // The prefix is matched in memory on the names alone: LIKE would read % and _ as wildcards.
  const names = await db.group.findMany({ where, orderBy: { id: "asc" }, select: { id: true, nameLower: true } });
  const ids = names.filter((group) => group.nameLower.startsWith(q)).slice(0, take).map((group) => group.id);
  return db.group.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
}
