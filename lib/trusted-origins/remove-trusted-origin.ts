import type { Db } from "../db/create-db-client";
import type { TrustedOrigin } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findTrustedOrigin } from "./find-trusted-origin";

/**
 * Deletes the trusted origin `id` (every instance stops trusting it within a second: its cache
 * topic moves); E0000007 when there is none, also when it is deleted concurrently. `record` runs in
 * the delete's transaction with the row as it was.
 */
export async function removeTrustedOrigin(db: Db, id: string, record: RecordChange<TrustedOrigin>): Promise<void> {
  const origin = await findTrustedOrigin(db, id);
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.trustedOrigin.deleteMany({ where: { id: origin.id } });
    if (count === 0) return false;
    await record(tx, origin);
    return true;
  });
  if (!deleted) await findTrustedOrigin(db, origin.id); // deleted concurrently: 404
}
