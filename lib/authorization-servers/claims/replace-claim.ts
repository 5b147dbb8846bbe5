import type { Claim } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { writeUnique } from "../write-unique";
import { assertClaimNameFree, duplicateClaimNameError } from "./assert-claim-name-free";
import { assertCustomClaim } from "./assert-custom-claim";
import { checkConditionScopes } from "./check-condition-scopes";
import type { ClaimFields } from "./claim-fields";

/** Replaces a custom claim's properties, checked as createClaim checks them. System claims are read-only. */
export async function replaceClaim(db: Db, current: Claim, fields: ClaimFields, now: Date, record: RecordChange<Claim>): Promise<Claim> {
  assertCustomClaim(current, "changed");
  return writeUnique(
    db,
    async (tx) => {
      await checkConditionScopes(tx, current.authServerId, fields.conditionScopes);
      await assertClaimNameFree(tx, current.authServerId, fields.claimType, fields.name, current.id);
      const updated = await tx.claim.update({ where: { id: current.id }, data: { ...fields, lastUpdated: now } });
      await touchAuthorizationServer(tx, current.authServerId, now);
      await record(tx, updated);
      return updated;
    },
    () => duplicateClaimNameError(fields.claimType, fields.name),
  );
}
