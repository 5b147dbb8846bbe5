import { findBrand } from "../../branding/brand-records";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { brandJson } from "./brand-json";

/** GET /api/v1/brands/:brandId -> 200 Brand, 404 E0000007. */
export async function getBrand(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetBrand(ctx, ctx.request.params.brandId ?? "") };
}

/** getBrand as a typed operation. */
export async function runGetBrand(ctx: OperationContext, brandId: string) {
  return brandJson(ctx.orgUrl, await findBrand(ctx.db, brandId));
}
