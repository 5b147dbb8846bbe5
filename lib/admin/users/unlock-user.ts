import { unlockUser as unlock } from "../../users/unlock-user";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/unlock -> 200 {}: LOCKED_OUT -> ACTIVE with the failed
 * sign-in count reset. An ACTIVE user only has its failed-attempt count reset (Okta also unlocks
 * ACTIVE users); any other status: 403 E0000032.
 */
export async function unlockUser(ctx: AdminContext): Promise<AdminResponse> {
  await runUnlockUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** unlockUser as a typed operation. */
export async function runUnlockUser(ctx: OperationContext, userId: string): Promise<void> {
  await unlock(ctx.db, { userId, now: ctx.now() }, (tx, { user }) =>
    audit(tx, ctx, "user.account.unlock", "Unlock user account", userLogTargets(user), { previousStatus: user.status }),
  );
}
