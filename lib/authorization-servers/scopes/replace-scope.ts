import type { Scope } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { validationError } from "../../okta-api/admin-api-error";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { writeUnique } from "../write-unique";
import { assertScopeNameFree, duplicateScopeNameError } from "./assert-scope-name-free";
import { findScopeUsers } from "./find-scope-users";
import { scopeRow, type ScopeFields } from "./scope-fields";

/**
 * Replaces a scope's properties. A system scope keeps its name; so does a scope that rules or
 * claims name (they refer to it by name): E0000001 listing them.
 */
export async function replaceScope(db: Db, current: Scope, fields: ScopeFields, now: Date, record: RecordChange<Scope>): Promise<Scope> {
  const renamed = fields.name !== current.name;
  if (renamed && current.system) {
    throw validationError("name", [`name: '${current.name}' is a system scope; it cannot be renamed.`]);
  }
  return writeUnique(
    db,
    async (tx) => {
      if (renamed) {
        await assertScopeNameFree(tx, current.authServerId, fields.name, current.id);
        const users = await findScopeUsers(tx, current.authServerId, current.name);
        if (users.length) {
          throw validationError("name", [`name: The scope '${current.name}' cannot be renamed while rules or claims refer to it by name.`, ...users]);
        }
      }
      const updated = await tx.scope.update({ where: { id: current.id }, data: { ...scopeRow(fields), lastUpdated: now } });
      await touchAuthorizationServer(tx, current.authServerId, now);
      await record(tx, updated);
      return updated;
    },
    () => duplicateScopeNameError(fields.name),
  );
}
