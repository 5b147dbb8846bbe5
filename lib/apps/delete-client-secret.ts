import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";

/**
 * Deletes an INACTIVE client secret, recorded in the same transaction; "not-inactive" when the
 * secret is (by now) ACTIVE or gone.
 */
export async function deleteClientSecret(db: Db, input: { secretId: string }, record: RecordChange): Promise<"deleted" | "not-inactive"> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.clientSecret.deleteMany({ where: { id: input.secretId, status: "INACTIVE" } });
    if (count === 0) return "not-inactive";
    await record(tx);
    return "deleted";
  });
}
