import { suspendUser as suspend } from "../../users/suspend-user";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/suspend -> 200 {}: ACTIVE -> SUSPENDED, revoking every grant
 * and session in the same transaction. Any other status: 400 E0000001 (as Okta). The last active
 * administrator cannot be suspended (400).
 */
export async function suspendUser(ctx: AdminContext): Promise<AdminResponse> {
  await runSuspendUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** suspendUser as a typed operation. */
export async function runSuspendUser(ctx: OperationContext, userId: string): Promise<void> {
  await suspend(ctx.db, { userId, now: ctx.now() }, (tx, { user }) => audit(tx, ctx, "user.lifecycle.suspend", "Suspend user", userLogTargets(user)));
}
