import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { brandAssetPath, findTheme } from "./brand-records";
import type { BrandImageKind } from "./check-brand-image";
import type { BrandImageType } from "./sniff-image-type";

/**
 * Stores a checked image (checkBrandImage) as the theme's logo or background image, replacing the
 * previous one; its served path is returned. E0000007 for an unknown brand or theme.
 */
export async function saveThemeImage(
  db: Db,
  input: { brandId: string; themeId: string; kind: BrandImageKind; image: { contentType: BrandImageType; sha256: string; data: Uint8Array }; now: Date },
  record: RecordChange<{ path: string; byteSize: number }>,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const theme = await findTheme(tx, input.brandId, input.themeId);
    const { contentType, sha256, data } = input.image;
    await tx.brandImage.deleteMany({ where: { themeId: theme.id, kind: input.kind } });
    await tx.brandImage.create({ data: { themeId: theme.id, kind: input.kind, sha256, contentType, data: new Uint8Array(data), created: input.now } });
    await tx.brandTheme.update({ where: { id: theme.id }, data: { lastUpdated: input.now } });
    const path = brandAssetPath(input.image);
    await record(tx, { path, byteSize: data.byteLength });
    return path;
  });
}

/** Removes the theme's logo or background image (the page shows the product name, or no image); nothing to remove is no change. */
export async function removeThemeImage(db: Db, input: { brandId: string; themeId: string; kind: BrandImageKind; now: Date }, record: RecordChange<{ removed: boolean }>): Promise<void> {
  await db.$transaction(async (tx) => {
    const theme = await findTheme(tx, input.brandId, input.themeId);
    const { count } = await tx.brandImage.deleteMany({ where: { themeId: theme.id, kind: input.kind } });
    if (count > 0) await tx.brandTheme.update({ where: { id: theme.id }, data: { lastUpdated: input.now } });
    await record(tx, { removed: count > 0 });
  });
}
