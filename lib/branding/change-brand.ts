import type { Db } from "../db/create-db-client";
import type { Brand } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import type { Locale } from "../i18n/locales";
import { mergeOrgSettings } from "../org-settings/change-org-settings";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { findBrand } from "./brand-records";

/**
 * A brand as the Brands API shows it: the stored brand and `locale`, the org's one default language
 * (the org setting `defaultLocale`: every brand shows it, a change through any brand changes it).
 */
export type BrandWithLocale = Brand & { locale: Locale };

export type BrandChanges = Partial<Pick<BrandWithLocale, "name" | "customPrivacyPolicyUrl" | "agreeToCustomPrivacyPolicy" | "removePoweredByOkta" | "locale">>;

/**
 * The brand with `changes` (fields left out keep their values), E0000007 for an unknown brand; a
 * `locale` is written to the org setting `defaultLocale` in the same transaction. `record` runs in
 * the write's transaction with the brand before and after.
 */
export async function changeBrand(
  db: Db,
  input: { brandId: string; changes: BrandChanges; now: Date },
  record: RecordChange<{ before: BrandWithLocale; after: BrandWithLocale }>,
): Promise<BrandWithLocale> {
  return db.$transaction(async (tx) => {
    const { locale, ...brandChanges } = input.changes;
    const stored = await findBrand(tx, input.brandId);
    const before = { ...stored, locale: (await readOrgSettings(tx)).defaultLocale };
    const updated = await tx.brand.update({ where: { id: before.id }, data: { ...brandChanges, lastUpdated: input.now } });
    const after = { ...updated, locale: locale ? (await mergeOrgSettings(tx, { changes: { defaultLocale: locale }, now: input.now })).change.after.defaultLocale : before.locale };
    await record(tx, { before, after });
    return after;
  });
}
