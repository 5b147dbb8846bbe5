import type { Db } from "../db/create-db-client";
import type { Brand } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findBrand } from "./brand-records";

export type BrandChanges = Partial<Pick<Brand, "name" | "customPrivacyPolicyUrl" | "agreeToCustomPrivacyPolicy" | "removePoweredByOkta" | "locale">>;

/**
 * The brand with `changes` (fields left out keep their values), E0000007 for an unknown brand.
 * `record` runs in the write's transaction with the brand before and after.
 */
export async function changeBrand(db: Db, input: { brandId: string; changes: BrandChanges; now: Date }, record: RecordChange<{ before: Brand; after: Brand }>): Promise<Brand> {
  return db.$transaction(async (tx) => {
    const before = await findBrand(tx, input.brandId);
    const after = await tx.brand.update({ where: { id: before.id }, data: { ...input.changes, lastUpdated: input.now } });
    await record(tx, { before, after });
    return after;
  });
}
