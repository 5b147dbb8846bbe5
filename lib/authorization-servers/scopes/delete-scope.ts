import type { Scope } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { validationError } from "../../okta-api/admin-api-error";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { findScopeUsers } from "./find-scope-users";

/**
 * Deletes a custom scope. System scopes cannot be deleted, and neither can a scope that a policy
 * rule or a claim names: the E0000001 cause lists them, so the admin can remove the references
 * first (nothing is changed behind their back).
 */
export async function deleteScope(db: Db, scope: Scope, now: Date, record: RecordChange<Scope>): Promise<void> {
  if (scope.system) throw validationError("scope", [`'${scope.name}' is a system scope; it cannot be deleted.`]);
  await db.$transaction(async (tx) => {
    const users = await findScopeUsers(tx, scope.authServerId, scope.name);
    if (users.length) {
      throw validationError("scope", [`The scope '${scope.name}' is in use; remove it from these rules and claims first.`, ...users]);
    }
    await tx.scope.delete({ where: { id: scope.id } });
    await touchAuthorizationServer(tx, scope.authServerId, now);
    await record(tx, scope);
  });
}
