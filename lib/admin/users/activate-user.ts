import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findUser } from "./find-user";
import { updateUserStatus } from "./update-user-status";
import { alreadyActiveError, statusNotAllowedError } from "./user-errors";
import { userLogTargets } from "./user-log-targets";

const ACTIVATABLE = new Set(["STAGED", "PROVISIONED", "DEPROVISIONED"]);

/**
 * POST /api/v1/users/:userId/lifecycle/activate -> 200 {} (`sendEmail` is ignored: no email is sent
 * and no activation token issued). STAGED, PROVISIONED or DEPROVISIONED users become ACTIVE when
 * they have a password, PROVISIONED otherwise. An ACTIVE user: 403 E0000016; any other status
 * (SUSPENDED, LOCKED_OUT, ...): 403 E0000038, naming the operation to use instead.
 */
export async function activateUser(ctx: AdminContext): Promise<AdminResponse> {
  await runActivateUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** activateUser as a typed operation. */
export async function runActivateUser(ctx: OperationContext, userId: string): Promise<void> {
  const user = await findUser(ctx.db, userId);
  if (user.status === "ACTIVE") throw alreadyActiveError();
  if (!ACTIVATABLE.has(user.status)) {
    const instead = user.status === "SUSPENDED" ? " Unsuspend it instead." : user.status === "LOCKED_OUT" ? " Unlock it instead." : "";
    throw statusNotAllowedError(`Only a STAGED, PROVISIONED or DEPROVISIONED user can be activated; this user is ${user.status}.${instead}`);
  }
  const now = ctx.now();
  const status = user.passwordHash ? "ACTIVE" : "PROVISIONED";
  await ctx.db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, {
      status,
      transitioningToStatus: null,
      activated: now,
      ...(status !== user.status ? { statusChanged: now } : {}),
      failedAttempts: 0,
      lastFailedAttempt: null,
      lockedOut: null,
      lastUpdated: now,
    });
    await audit(tx, ctx, "user.lifecycle.activate", "Activate Okta user", userLogTargets(user), { previousStatus: user.status, status });
  });
}
