import { findFactor } from "../../factors/find-factor";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findUser } from "../../users/find-user";
import { factorNotFoundError } from "./factor-errors";
import { factorJson } from "./factor-json";
import { pendingTotpActivation } from "./list-factors";

/** GET /api/v1/users/:userId/factors/:factorId -> 200 Factor (SDK getFactor); another user's factor is 404 E0000007. */
export async function getFactor(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetFactor(ctx, ctx.request.params.userId ?? "", ctx.request.params.factorId ?? "") };
}

/** getFactor as a typed operation. */
export async function runGetFactor(ctx: OperationContext, userId: string, factorId: string) {
  const user = await findUser(ctx.db, userId);
  const factor = await findFactor(ctx.db, { userId: user.id, factorId });
  if (!factor) throw factorNotFoundError(factorId);
  return factorJson(ctx.orgUrl, factor, pendingTotpActivation(factor, ctx.secretsKey));
}
