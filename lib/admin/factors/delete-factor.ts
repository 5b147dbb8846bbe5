import { deleteFactor as deleteUserFactor } from "../../factors/delete-factor";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "../../users/find-user";
import { userLogTargets } from "../users/user-log-targets";
import { factorNotFoundError } from "./factor-errors";
import { factorLogContext } from "./factor-log-context";

/**
 * DELETE /api/v1/users/:userId/factors/:factorId -> bare 204 (SDK unenrollFactor, Okta's "reset
 * factor"): the factor and its secret or credential go; logged as user.mfa.factor.deactivate.
 */
export async function deleteFactor(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteFactor(ctx, ctx.request.params.userId ?? "", ctx.request.params.factorId ?? "");
  return { status: 204 };
}

/** deleteFactor as a typed operation. */
export async function runDeleteFactor(ctx: OperationContext, userId: string, factorId: string): Promise<void> {
  const user = await findUser(ctx.db, userId);
  const outcome = await deleteUserFactor(ctx.db, { userId: user.id, factorId }, (tx, factor) =>
    audit(tx, ctx, "user.mfa.factor.deactivate", "Reset factor for user", userLogTargets(user), factorLogContext(factor)),
  );
  if (outcome === "gone") throw factorNotFoundError(factorId);
}
