import type { Db } from "../../db/create-db-client";
import type { Scope } from "../../db/generated/sqlite/client";

/** This server's scopes with these names (compared without regard to case, as scope names are unique that way); none for no names. */
export async function findScopesByName(db: Db, authServerId: string, names: readonly string[]): Promise<Scope[]> {
  return names.length ? db.scope.findMany({ where: { authServerId, nameLower: { in: names.map((name) => name.toLowerCase()) } } }) : [];
}
