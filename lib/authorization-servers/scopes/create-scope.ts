import type { Scope } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { newId } from "../../ids/new-id";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { writeUnique } from "../write-unique";
import { assertScopeNameFree, duplicateScopeNameError } from "./assert-scope-name-free";
import { scopeRow, type ScopeFields } from "./scope-fields";

/** Adds a custom scope to a server (E0000001 when its name is taken, ignoring case). Only the server creates system scopes. */
export async function createScope(db: Db, authServerId: string, fields: ScopeFields, now: Date, record: RecordChange<Scope>): Promise<Scope> {
  return writeUnique(
    db,
    async (tx) => {
      await assertScopeNameFree(tx, authServerId, fields.name, null);
      const created = await tx.scope.create({ data: { id: newId("scope"), authServerId, ...scopeRow(fields), system: false, created: now, lastUpdated: now } });
      await touchAuthorizationServer(tx, authServerId, now);
      await record(tx, created);
      return created;
    },
    () => duplicateScopeNameError(fields.name),
  );
}
