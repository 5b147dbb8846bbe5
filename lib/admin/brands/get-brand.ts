import { findBrand } from "../../branding/brand-records";
import { readOrgSettings } from "../../org-settings/read-org-settings";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { brandJson } from "./brand-json";

/** GET /api/v1/brands/:brandId -> 200 Brand, 404 E0000007. */
export async function getBrand(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetBrand(ctx, ctx.request.params.brandId ?? "") };
}

/** getBrand as a typed operation. */
export async function runGetBrand(ctx: OperationContext, brandId: string) {
  const brand = await findBrand(ctx.db, brandId);
  return brandJson(ctx.orgUrl, { ...brand, locale: (await readOrgSettings(ctx.db)).defaultLocale });
}
