import type { Db } from "../../db/create-db-client";
import type { Prisma, Scope } from "../../db/generated/sqlite/client";

/** One term of a scope list's filter: the name (compared without regard to case) or the system flag. */
export type ScopeFilterTerm = { attribute: "name"; value: string } | { attribute: "system"; value: boolean };

/**
 * Up to `take` of a server's scopes after the cursor `after`, by id, matching every filter term and,
 * when `q` is given (lower case), whose name contains it without regard to case. `q` is matched in
 * memory: LIKE treats % and _ as wildcards, and a server has few scopes.
 */
export async function listScopes(db: Db, query: { authServerId: string; terms: readonly ScopeFilterTerm[]; q?: string; take: number; after: string | null }): Promise<Scope[]> {
  const conditions: Prisma.ScopeWhereInput[] = [{ authServerId: query.authServerId }];
  for (const term of query.terms) {
    conditions.push(term.attribute === "name" ? { nameLower: term.value.toLowerCase() } : { system: term.value });
  }
  const where = { AND: [...conditions, ...(query.after ? [{ id: { gt: query.after } }] : [])] };
  const { q } = query;
  if (!q) return db.scope.findMany({ where, orderBy: { id: "asc" }, take: query.take });
  const rows = await db.scope.findMany({ where, orderBy: { id: "asc" } });
  return rows.filter((scope) => scope.nameLower.includes(q)).slice(0, query.take);
}
