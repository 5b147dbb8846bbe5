import type { Db } from "../db/create-db-client";
import type { BrandTheme } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { findTheme, type ThemeRecord } from "./brand-records";

export type ThemeValues = Pick<
  BrandTheme,
  | "primaryColorHex"
  | "primaryColorContrastHex"
  | "secondaryColorHex"
  | "secondaryColorContrastHex"
  | "signInPageTouchPointVariant"
  | "errorPageTouchPointVariant"
  | "endUserDashboardTouchPointVariant"
  | "emailTemplateTouchPointVariant"
  | "loadingPageTouchPointVariant"
>;

/** A brand's theme with new colours and variants (its images are kept); E0000007 for an unknown brand or theme. */
export async function changeTheme(
  db: Db,
  input: { brandId: string; themeId: string; values: Partial<ThemeValues>; now: Date },
  record: RecordChange<{ before: ThemeRecord; after: ThemeRecord }>,
): Promise<ThemeRecord> {
  return db.$transaction(async (tx) => {
    const before = await findTheme(tx, input.brandId, input.themeId);
    await tx.brandTheme.update({ where: { id: before.id }, data: { ...input.values, lastUpdated: input.now } });
    const after = await findTheme(tx, input.brandId, input.themeId);
    await record(tx, { before, after });
    return after;
  });
}
