import { expirePassword } from "../../users/expire-password";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userJson } from "./user-json";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/expire_password (Okta; SDK expirePassword) -> 200 the User,
 * PASSWORD_EXPIRED: the next sign-in (hosted page, /api/v1/authn) must choose a new password. Only an
 * ACTIVE user with a password (an expired one stays so: 200, no change); else 403 E0000038. Logged
 * as user.account.expire_password in the same transaction.
 */
export async function expireUserPassword(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runExpireUserPassword(ctx, ctx.request.params.userId ?? "") };
}

/** expireUserPassword as a typed operation. */
export async function runExpireUserPassword(ctx: OperationContext, userId: string) {
  const user = await expirePassword(ctx.db, { userId, now: ctx.now() }, (tx, { user: before, status }) =>
    audit(tx, ctx, "user.account.expire_password", "Expire password for user", userLogTargets(before), { previousStatus: before.status, status }),
  );
  return userJson(ctx.orgUrl, user);
}
