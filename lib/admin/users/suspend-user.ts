import { revokeUserGrants } from "../../oauth/tokens/revoke-user-grants";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertNotLastActiveAdmin } from "./assert-not-last-admin";
import { findUser } from "./find-user";
import { updateUserStatus } from "./update-user-status";
import { wrongStatusError } from "./user-errors";
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
  const user = await findUser(ctx.db, userId);
  if (user.status !== "ACTIVE") throw wrongStatusError(`Only an ACTIVE user can be suspended; this user is ${user.status}.`);
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await assertNotLastActiveAdmin(tx, user, "suspending");
    await updateUserStatus(tx, user, { status: "SUSPENDED", statusChanged: now, lastUpdated: now });
    await revokeUserGrants(tx, user.id, now);
    await audit(tx, ctx, "user.lifecycle.suspend", "Suspend Okta user", userLogTargets(user));
  });
}
