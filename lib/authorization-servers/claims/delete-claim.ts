import type { Claim } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { touchAuthorizationServer } from "../touch-authorization-server";
import { assertCustomClaim } from "./assert-custom-claim";
import { findClaim } from "./find-claim";

/** Deletes a custom claim. System claims stay (E0000001); one deleted concurrently is E0000007. */
export async function deleteClaim(db: Db, claim: Claim, now: Date, record: RecordChange<Claim>): Promise<void> {
  assertCustomClaim(claim, "deleted");
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.claim.deleteMany({ where: { id: claim.id } });
    if (count === 0) return false;
    await touchAuthorizationServer(tx, claim.authServerId, now);
    await record(tx, claim);
    return true;
  });
  if (!deleted) await findClaim(db, claim.authServerId, claim.id); // deleted concurrently: 404
}
