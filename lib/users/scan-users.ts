import type { Db } from "../db/create-db-client";
import type { Prisma, User } from "../db/generated/sqlite/client";
import { matchUserFilter } from "./match-user-filter";
import type { UserFilter } from "./user-filter";
import { userFilterWhere } from "./user-filter-where";

/** Which users a list selects. */
export type UserSearch =
  /** every user except DEPROVISIONED ones (Okta: lists without search or filter leave them out) */
  | { kind: "all" }
  /** firstName, lastName, email or login starts with `prefix` (lower case), ignoring case; DEPROVISIONED users left out */
  | { kind: "prefix"; prefix: string }
  /** a parsed filter, every status */
  | { kind: "filter"; filter: UserFilter };

type UserQuery = {
  /** a superset of the matching users that the database can select */
  where: Prisma.UserWhereInput;
  /** true when `where` is exact and `matches` need not look at the rows */
  exact: boolean;
  matches: (user: User) => boolean;
};

const NOT_DEPROVISIONED = { status: { not: "DEPROVISIONED" } };

function queryFor(search: UserSearch): UserQuery {
  switch (search.kind) {
    case "all":
      return { where: NOT_DEPROVISIONED, exact: true, matches: () => true };
    case "prefix": {
      const startsWith = (text: unknown) => typeof text === "string" && text.toLowerCase().startsWith(search.prefix);
      return {
        where: NOT_DEPROVISIONED,
        exact: false,
        matches: (user: User) => {
          const profile = user.profile as Record<string, unknown>;
          return startsWith(profile.firstName) || startsWith(profile.lastName) || startsWith(profile.email) || startsWith(profile.login);
        },
      };
    }
    case "filter": {
      const { where, exact } = userFilterWhere(search.filter);
      return { where, exact, matches: (user) => matchUserFilter(search.filter, user) };
    }
  }
}

/** Rows read per round trip when the database cannot select the matches exactly. */
const SCAN_BATCH = 500;

/**
 * Up to `take` users the search selects with id > `after`, in id order (the keyset fetchPage
 * expects). When the database selects exactly, one query; otherwise batches of candidates ordered
 * by id are checked in memory until enough match or the candidates run out.
 */
export async function scanUsers(db: Db, search: UserSearch, take: number, after: string | null): Promise<User[]> {
  const query = queryFor(search);
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
