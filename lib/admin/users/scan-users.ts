import type { Db } from "../../db/create-db-client";
import type { Prisma, User } from "../../db/generated/sqlite/client";

export type UserQuery = {
  /** a superset of the matching users that the database can select */
  where: Prisma.UserWhereInput;
  /** true when `where` is exact and `matches` need not look at the rows */
  exact: boolean;
  matches: (user: User) => boolean;
};

/** Rows read per round trip when the database cannot select the matches exactly. */
const SCAN_BATCH = 500;

/**
 * Up to `take` matching users with id > `after`, in id order (the keyset fetchPage expects). When the
 * database selects exactly, one query; otherwise batches of candidates ordered by id are checked in
 * memory until enough match or the candidates run out.
 */
export async function scanUsers(db: Db, query: UserQuery, take: number, after: string | null): Promise<User[]> {
  const batch = query.exact ? take : Math.max(take, SCAN_BATCH);
  const found: User[] = [];
  let cursor = after;
  for (;;) {
    const rows = await db.user.findMany({
      where: cursor ? { AND: [query.where, { id: { gt: cursor } }] } : query.where,
      orderBy: { id: "asc" },
      take: batch,
    });
    for (const row of rows) {
      if (query.exact || query.matches(row)) found.push(row);
      if (found.length === take) return found;
    }
    if (rows.length < batch) return found;
    cursor = rows.at(-1)!.id;
  }
}
