import type { Db, DbTx } from "../db/create-db-client";
import type { Brand, BrandTheme } from "../db/generated/sqlite/client";
import { notFoundError } from "../okta-api/admin-api-error";
import type { BrandImageKind } from "./check-brand-image";
import { IMAGE_EXTENSIONS, type BrandImageType } from "./sniff-image-type";

/** The sign-in page's customisations a brand keeps: Okta's `widgetCustomizations`, the fields this server shows. */
export const SIGN_IN_FIELDS = ["signInLabel", "classicFooterHelpTitle", "helpLabel", "helpUrl", "customLink1Label", "customLink1Url", "customLink2Label", "customLink2Url"] as const;
export type SignInCustomizations = Partial<Record<(typeof SIGN_IN_FIELDS)[number], string>>;

/** A theme with the served paths of its images (null: none uploaded). */
export type ThemeRecord = BrandTheme & { logoPath: string | null; backgroundPath: string | null };

const IMAGE_SELECT = { kind: true, sha256: true, contentType: true } as const;

/** The path an image is served at: its content hash, so a new image is a new URL (lib/hosted/serve-brand-asset). */
export function brandAssetPath(image: { sha256: string; contentType: string }): string {
  return `/brand-assets/${image.sha256}.${IMAGE_EXTENSIONS[image.contentType as BrandImageType] ?? "bin"}`;
}

function withImagePaths(theme: BrandTheme & { images: { kind: string; sha256: string; contentType: string }[] }): ThemeRecord {
  const path = (kind: BrandImageKind) => {
    const image = theme.images.find((i) => i.kind === kind);
    return image ? brandAssetPath(image) : null;
  };
  const { images, ...rest } = theme;
  void images; // the paths stand for them
  return { ...rest, logoPath: path("logo"), backgroundPath: path("background") };
}

/** The stored sign-in customisations as plain strings (anything else in the JSON is dropped). */
export function signInCustomizations(value: unknown): SignInCustomizations {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: SignInCustomizations = {};
  for (const field of SIGN_IN_FIELDS) {
    const item = (value as Record<string, unknown>)[field];
    if (typeof item === "string" && item !== "") out[field] = item;
  }
  return out;
}

/** Every brand (one: the org's default), oldest first. */
export function listBrands(db: Db | DbTx): Promise<Brand[]> {
  return db.brand.findMany({ orderBy: [{ created: "asc" }, { id: "asc" }] });
}

/** A brand by id; E0000007 when there is none. */
export async function findBrand(db: Db | DbTx, brandId: string): Promise<Brand> {
  const brand = await db.brand.findUnique({ where: { id: brandId } });
  if (!brand) throw notFoundError(brandId, "Brand");
  return brand;
}

/** A brand's themes with their image paths (one per brand), oldest first; E0000007 for an unknown brand. */
export async function listThemes(db: Db | DbTx, brandId: string): Promise<ThemeRecord[]> {
  await findBrand(db, brandId);
  const themes = await db.brandTheme.findMany({ where: { brandId }, include: { images: { select: IMAGE_SELECT } }, orderBy: [{ created: "asc" }, { id: "asc" }] });
  return themes.map(withImagePaths);
}

/** One theme of a brand with its image paths; E0000007 when the brand or the theme (of that brand) is unknown. */
export async function findTheme(db: Db | DbTx, brandId: string, themeId: string): Promise<ThemeRecord> {
  await findBrand(db, brandId);
  const theme = await db.brandTheme.findFirst({ where: { id: themeId, brandId }, include: { images: { select: IMAGE_SELECT } } });
  if (!theme) throw notFoundError(themeId, "Theme");
  return withImagePaths(theme);
}

/** The brand in force (the default brand) and its first theme: what every page and email shows. */
export async function findBrandInForce(db: Db | DbTx): Promise<{ brand: Brand; theme: ThemeRecord } | null> {
  const brand = await db.brand.findFirst({ where: { isDefault: true }, orderBy: [{ created: "asc" }, { id: "asc" }] });
  if (!brand) return null;
  const theme = await db.brandTheme.findFirst({ where: { brandId: brand.id }, include: { images: { select: IMAGE_SELECT } }, orderBy: [{ created: "asc" }, { id: "asc" }] });
  return theme ? { brand, theme: withImagePaths(theme) } : null;
}

/** An uploaded image by its content hash (the served file name), or null. */
export async function findBrandImage(db: Db, sha256: string): Promise<{ contentType: string; data: Uint8Array } | null> {
  const image = await db.brandImage.findFirst({ where: { sha256 }, select: { contentType: true, data: true } });
  return image ? { contentType: image.contentType, data: new Uint8Array(image.data) } : null;
}
