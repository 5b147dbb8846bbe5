import type { Db } from "../db/create-db-client";

/** A scope as the consent page names it to the user: the admin's texts (Scopes API), and whether it is a system scope. */
export type ConsentScopeText = { name: string; displayName: string | null; description: string | null; system: boolean };

/** The display names and descriptions of the scopes a consent page asks for (those the server still has; any order). */
export async function describeConsentScopes(db: Db, input: { authServerId: string; names: readonly string[] }): Promise<ConsentScopeText[]> {
  return db.scope.findMany({ where: { authServerId: input.authServerId, name: { in: [...input.names] } }, select: { name: true, displayName: true, description: true, system: true } });
}
