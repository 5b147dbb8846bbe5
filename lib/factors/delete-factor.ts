import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";

/**
 * Unenrolls (resets) one factor of a user: the factor, its secret or credential and its pending
 * challenges go. `record` runs in the transaction with the deleted factor; "gone" when the user has
 * no such factor (or a concurrent call deleted it first).
 */
export async function deleteFactor(db: Db, input: { userId: string; factorId: string }, record: RecordChange<UserFactor>): Promise<"deleted" | "gone"> {
  return db.$transaction(async (tx) => {
    const factor = await tx.userFactor.findFirst({ where: { id: input.factorId, userId: input.userId } });
    if (!factor) return "gone";
    const { count } = await tx.userFactor.deleteMany({ where: { id: factor.id } });
    if (count !== 1) return "gone";
    await record(tx, factor);
    return "deleted";
  });
}
