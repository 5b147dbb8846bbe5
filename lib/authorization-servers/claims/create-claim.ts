import type { Claim } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { newId } from "../../ids/new-id";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { writeUnique } from "../write-unique";
import { assertClaimNameFree, duplicateClaimNameError } from "./assert-claim-name-free";
import { checkConditionScopes } from "./check-condition-scopes";
import type { ClaimFields } from "./claim-fields";

/**
 * Adds a custom claim to a server. Its conditions.scopes must be scopes of the server, and its name
 * unique per server and token (claim type): E0000001 otherwise.
 */
export async function createClaim(db: Db, authServerId: string, fields: ClaimFields, now: Date, record: RecordChange<Claim>): Promise<Claim> {
  return writeUnique(
    db,
    async (tx) => {
      await checkConditionScopes(tx, authServerId, fields.conditionScopes);
      await assertClaimNameFree(tx, authServerId, fields.claimType, fields.name, null);
      const created = await tx.claim.create({ data: { id: newId("claim"), authServerId, ...fields, system: false, created: now, lastUpdated: now } });
      await touchAuthorizationServer(tx, authServerId, now);
      await record(tx, created);
      return created;
    },
    () => duplicateClaimNameError(fields.claimType, fields.name),
  );
}
