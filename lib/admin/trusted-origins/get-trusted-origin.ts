import type { AdminContext, AdminResponse } from "../admin-request";
import { findTrustedOrigin } from "../../trusted-origins/find-trusted-origin";
import { trustedOriginJson } from "./trusted-origin-json";

/** GET /api/v1/trustedOrigins/:trustedOriginId */
export async function getTrustedOrigin(ctx: AdminContext): Promise<AdminResponse> {
  const origin = await findTrustedOrigin(ctx.db, ctx.request.params.trustedOriginId ?? "");
  return { status: 200, body: trustedOriginJson(ctx.orgUrl, origin) };
}
