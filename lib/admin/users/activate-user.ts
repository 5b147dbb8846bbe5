import { activateUser as activate } from "../../users/activate-user";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userLogTargets } from "./user-log-targets";

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
  await activate(ctx.db, { userId, now: ctx.now() }, (tx, { user, status }) =>
    audit(tx, ctx, "user.lifecycle.activate", "Activate user", userLogTargets(user), { previousStatus: user.status, status }),
  );
}
