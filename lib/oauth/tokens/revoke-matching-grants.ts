import type { Db } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { revokeGrantsWhere, type GrantFilter } from "./revoke-grant";

/**
 * revokeGrantsWhere in its own transaction, recorded (with how many refresh tokens it revoked) in
 * the same transaction when it revoked any; revoking what is already revoked writes and records
 * nothing. Returns how many refresh tokens it revoked.
 */
export async function revokeMatchingGrants(db: Db, input: { filter: GrantFilter; now: Date }, record: RecordChange<number>): Promise<number> {
  return db.$transaction(async (tx) => {
    const count = await revokeGrantsWhere(tx, input.filter, input.now);
    if (count > 0) await record(tx, count);
    return count;
  });
}
