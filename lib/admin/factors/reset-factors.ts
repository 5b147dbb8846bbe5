import { resetFactors as resetUserFactors } from "../../factors/reset-factors";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "../../users/find-user";
import { userLogTargets } from "../users/user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/reset_factors -> 200 {} (SDK resetFactors): every factor of
 * the user is unenrolled; logged as user.mfa.factor.reset_all with the factors reset.
 */
export async function resetFactors(ctx: AdminContext): Promise<AdminResponse> {
  await runResetFactors(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** resetFactors as a typed operation. */
export async function runResetFactors(ctx: OperationContext, userId: string): Promise<void> {
  const user = await findUser(ctx.db, userId);
  await resetUserFactors(ctx.db, { userId: user.id }, (tx, factors) =>
    audit(tx, ctx, "user.mfa.factor.reset_all", "Reset all factors for user", userLogTargets(user), { factorIds: factors.map((factor) => factor.id) }),
  );
}
