import { SUPPORTED_FACTORS } from "../../factors/supported-factors";
import { link } from "../../okta-api/links";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findUser } from "../../users/find-user";

/**
 * GET /api/v1/users/:userId/factors/catalog -> 200 [{factorType, provider, vendorName, enrollment,
 * _links.enroll}] (SDK listSupportedFactors): the factors this server enrolls, each OPTIONAL (no
 * enrollment policy requires one yet).
 */
export async function listFactorCatalog(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListFactorCatalog(ctx, ctx.request.params.userId ?? "") };
}

/** listFactorCatalog as a typed operation. */
export async function runListFactorCatalog(ctx: OperationContext, userId: string) {
  const user = await findUser(ctx.db, userId);
  return SUPPORTED_FACTORS.map(({ factorType, provider }) => ({
    factorType,
    provider,
    vendorName: provider,
    enrollment: "OPTIONAL",
    _links: { enroll: link(ctx.orgUrl, `/api/v1/users/${user.id}/factors`, ["POST"]) },
  }));
}
