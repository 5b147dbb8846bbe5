import type { Scope } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { validationError } from "../../okta-api/admin-api-error";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { findScope } from "./find-scope";
import { findScopeUsers } from "./find-scope-users";

/**
 * Deletes a custom scope. System scopes cannot be deleted, and neither can a scope that a policy
 * rule or a claim names: the E0000001 cause lists them, so the admin can remove the references
 * first (nothing is changed behind their back). A scope deleted concurrently is E0000007.
 */
export async function deleteScope(db: Db, scope: Scope, now: Date, record: RecordChange<Scope>): Promise<void> {
  if (scope.system) throw validationError("scope", [`'${scope.name}' is a system scope; it cannot be deleted.`]);
  const deleted = await db.$transaction(async (tx) => {
    const users = await findScopeUsers(tx, scope.authServerId, scope.name);
    if (users.length) {
      throw validationError("scope", [`The scope '${scope.name}' is in use; remove it from these rules and claims first.`, ...users]);
    }
    const { count } = await tx.scope.deleteMany({ where: { id: scope.id } });
    if (count === 0) return false;
    await touchAuthorizationServer(tx, scope.authServerId, now);
    await record(tx, scope);
    return true;
  });
  if (!deleted) await findScope(db, scope.authServerId, scope.id); // deleted concurrently: 404
}
