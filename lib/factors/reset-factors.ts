import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";

/**
 * Unenrolls every factor of a user (Okta's reset_factors), in one transaction; `record` runs in it
 * with the factors deleted (none is fine: resetting a user without factors is not an error).
 */
export async function resetFactors(db: Db, input: { userId: string }, record: RecordChange<UserFactor[]>): Promise<UserFactor[]> {
  return db.$transaction(async (tx) => {
    const factors = await tx.userFactor.findMany({ where: { userId: input.userId }, orderBy: [{ created: "asc" }, { id: "asc" }] });
    await tx.userFactor.deleteMany({ where: { id: { in: factors.map((factor) => factor.id) } } });
    await record(tx, factors);
    return factors;
  });
}
