import { findTheme } from "../../branding/brand-records";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { themeJson } from "./brand-json";

/** GET /api/v1/brands/:brandId/themes/:themeId -> 200 ThemeResponse, 404 E0000007. */
export async function getBrandTheme(ctx: AdminContext): Promise<AdminResponse> {
  const { brandId = "", themeId = "" } = ctx.request.params;
  return { status: 200, body: await runGetBrandTheme(ctx, brandId, themeId) };
}

/** getBrandTheme as a typed operation. */
export async function runGetBrandTheme(ctx: OperationContext, brandId: string, themeId: string) {
  return themeJson(ctx.orgUrl, brandId, await findTheme(ctx.db, brandId, themeId));
}
