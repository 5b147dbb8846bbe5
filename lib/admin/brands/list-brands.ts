import { listBrands as listStoredBrands } from "../../branding/brand-records";
import { readOrgSettings } from "../../org-settings/read-org-settings";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { brandJson } from "./brand-json";

/** GET /api/v1/brands -> 200 [Brand]: the org's brands (one, the default brand; no paging needed). */
export async function listBrands(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListBrands(ctx) };
}

/** listBrands as a typed operation. */
export async function runListBrands(ctx: OperationContext) {
  const [brands, { defaultLocale }] = await Promise.all([listStoredBrands(ctx.db), readOrgSettings(ctx.db)]);
  return brands.map((brand) => brandJson(ctx.orgUrl, { ...brand, locale: defaultLocale }));
}
