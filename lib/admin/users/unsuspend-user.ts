import { unsuspendUser as unsuspend } from "../../users/unsuspend-user";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userLogTargets } from "./user-log-targets";

/** POST /api/v1/users/:userId/lifecycle/unsuspend -> 200 {}: SUSPENDED -> ACTIVE; any other status: 400 E0000001. */
export async function unsuspendUser(ctx: AdminContext): Promise<AdminResponse> {
  await runUnsuspendUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** unsuspendUser as a typed operation. */
export async function runUnsuspendUser(ctx: OperationContext, userId: string): Promise<void> {
  await unsuspend(ctx.db, { userId, now: ctx.now() }, (tx, { user }) => audit(tx, ctx, "user.lifecycle.unsuspend", "Unsuspend user", userLogTargets(user)));
}
