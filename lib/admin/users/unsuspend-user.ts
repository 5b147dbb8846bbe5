import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "./find-user";
import { updateUserStatus } from "./update-user-status";
import { wrongStatusError } from "./user-errors";
import { userLogTargets } from "./user-log-targets";

/** POST /api/v1/users/:userId/lifecycle/unsuspend -> 200 {}: SUSPENDED -> ACTIVE; any other status: 400 E0000001. */
export async function unsuspendUser(ctx: AdminContext): Promise<AdminResponse> {
  await runUnsuspendUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** unsuspendUser as a typed operation. */
export async function runUnsuspendUser(ctx: OperationContext, userId: string): Promise<void> {
  const user = await findUser(ctx.db, userId);
  if (user.status !== "SUSPENDED") throw wrongStatusError(`Only a SUSPENDED user can be unsuspended; this user is ${user.status}.`);
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, { status: "ACTIVE", statusChanged: now, lastUpdated: now });
    await audit(tx, ctx, "user.lifecycle.unsuspend", "Unsuspend Okta user", userLogTargets(user));
  });
}
