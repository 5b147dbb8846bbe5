import { listThemes } from "../../branding/brand-records";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { themeJson } from "./brand-json";

/** GET /api/v1/brands/:brandId/themes -> 200 [ThemeResponse] (one theme per brand), 404 E0000007. */
export async function listBrandThemes(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListBrandThemes(ctx, ctx.request.params.brandId ?? "") };
}

/** listBrandThemes as a typed operation. */
export async function runListBrandThemes(ctx: OperationContext, brandId: string) {
  return (await listThemes(ctx.db, brandId)).map((theme) => themeJson(ctx.orgUrl, brandId, theme));
}
