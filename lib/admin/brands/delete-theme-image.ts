import type { BrandImageKind } from "../../branding/check-brand-image";
import { removeThemeImage } from "../../branding/change-theme-image";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";

/** DELETE /api/v1/brands/:brandId/themes/:themeId/logo -> 204: the pages show the product name instead. */
export async function deleteThemeLogo(ctx: AdminContext): Promise<AdminResponse> {
  const { brandId = "", themeId = "" } = ctx.request.params;
  await runDeleteThemeImage(ctx, brandId, themeId, "logo");
  return { status: 204 };
}

/** DELETE /api/v1/brands/:brandId/themes/:themeId/background-image -> 204. */
export async function deleteThemeBackgroundImage(ctx: AdminContext): Promise<AdminResponse> {
  const { brandId = "", themeId = "" } = ctx.request.params;
  await runDeleteThemeImage(ctx, brandId, themeId, "background");
  return { status: 204 };
}

/** Removes a theme's logo or background image (none: no change, no event); logged as `system.theme.image.delete`. */
export async function runDeleteThemeImage(ctx: OperationContext, brandId: string, themeId: string, kind: BrandImageKind): Promise<void> {
  await removeThemeImage(ctx.db, { brandId, themeId, kind, now: ctx.now() }, async (tx, { removed }) => {
    if (removed) await audit(tx, ctx, "system.theme.image.delete", `Delete theme ${kind === "logo" ? "logo" : "background image"}`, [{ id: themeId, type: "Theme", alternateId: brandId }], { image: kind });
  });
}
