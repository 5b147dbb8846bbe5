import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "./find-user";
import { updateUserStatus } from "./update-user-status";
import { unlockNotAllowedError } from "./user-errors";
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
  const user = await findUser(ctx.db, userId);
  if (user.status !== "LOCKED_OUT" && user.status !== "ACTIVE") throw unlockNotAllowedError(user.status);
  const counted = user.failedAttempts > 0 || user.lastFailedAttempt !== null || user.lockedOut !== null;
  if (user.status === "ACTIVE" && !counted) return;
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, {
      status: "ACTIVE",
      ...(user.status === "LOCKED_OUT" ? { statusChanged: now } : {}),
      failedAttempts: 0,
      lastFailedAttempt: null,
      lockedOut: null,
      lastUpdated: now,
    });
    await audit(tx, ctx, "user.account.unlock", "Unlock user account", userLogTargets(user), { previousStatus: user.status });
  });
}
