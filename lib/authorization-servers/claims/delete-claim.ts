import type { Claim } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { assertCustomClaim } from "./assert-custom-claim";

/** Deletes a custom claim. System claims stay (E0000001). */
export async function deleteClaim(db: Db, claim: Claim, now: Date, record: RecordChange<Claim>): Promise<void> {
  assertCustomClaim(claim, "deleted");
  await db.$transaction(async (tx) => {
    await tx.claim.delete({ where: { id: claim.id } });
    await touchAuthorizationServer(tx, claim.authServerId, now);
    await record(tx, claim);
  });
}
