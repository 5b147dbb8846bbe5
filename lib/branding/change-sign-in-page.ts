import { asJson } from "../db/as-json";
import type { Db } from "../db/create-db-client";
import { Prisma } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findBrand, signInCustomizations, type SignInCustomizations } from "./brand-records";

/**
 * Replaces the brand's sign-in page customisations (null: back to the page's own heading, no help
 * text, no footer links); returns what is stored. E0000007 for an unknown brand.
 */
export async function changeSignInPage(
  db: Db,
  input: { brandId: string; customizations: SignInCustomizations | null; now: Date },
  record: RecordChange<{ before: SignInCustomizations; after: SignInCustomizations }>,
): Promise<SignInCustomizations> {
  return db.$transaction(async (tx) => {
    const brand = await findBrand(tx, input.brandId);
    const before = signInCustomizations(brand.signInPage);
    const after = signInCustomizations(input.customizations);
    await tx.brand.update({ where: { id: brand.id }, data: { signInPage: Object.keys(after).length ? asJson(after) : Prisma.DbNull, lastUpdated: input.now } });
    await record(tx, { before, after });
    return after;
  });
}
