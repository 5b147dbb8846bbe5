import { deactivateUser as deactivate } from "../../users/deactivate-user";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/deactivate -> 200 {} (`sendEmail` is ignored): any status ->
 * DEPROVISIONED, with implicit revocation of everything the user holds. An already DEPROVISIONED
 * user: 200 {} and no change (a retried call succeeds). The last active administrator: 400.
 */
export async function deactivateUser(ctx: AdminContext): Promise<AdminResponse> {
  await runDeactivateUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** deactivateUser as a typed operation. */
export async function runDeactivateUser(ctx: OperationContext, userId: string): Promise<void> {
  await deactivate(ctx.db, { userId, now: ctx.now() }, (tx, { user }) =>
    audit(tx, ctx, "user.lifecycle.deactivate", "Deactivate user", userLogTargets(user), { previousStatus: user.status }),
  );
}
