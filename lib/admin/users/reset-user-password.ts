import { resetPasswordByAdmin } from "../../user-tokens/reset-password-by-admin";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { readBooleanParam } from "./read-boolean-param";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/reset_password?sendEmail=true|false&revokeSessions=true|false
 * (Okta; SDK resetPassword): the user becomes RECOVERY with a new one-time recovery token (the org's
 * recoveryTokenLifetimeMinutes). sendEmail (default true) queues the password-reset email and
 * answers `{}`; sendEmail=false answers Okta's ResetPasswordToken `{resetPasswordUrl}` for the admin
 * to hand over. revokeSessions (default false) also ends the user's sessions and revokes their
 * refresh tokens. STAGED, PROVISIONED, SUSPENDED, DEPROVISIONED: 403 E0000038; unknown user: 404.
 * Logged as user.account.reset_password in the same transaction (never the token or link).
 */
export async function resetUserPassword(ctx: AdminContext): Promise<AdminResponse> {
  const sendEmail = readBooleanParam(ctx.request.url, "sendEmail", true);
  const revokeSessions = readBooleanParam(ctx.request.url, "revokeSessions", false);
  const reset = await runResetUserPassword(ctx, ctx.request.params.userId ?? "", { sendEmail, revokeSessions });
  return { status: 200, body: sendEmail ? {} : reset };
}

/** resetUserPassword as a typed operation. */
export async function runResetUserPassword(ctx: OperationContext, userId: string, options: { sendEmail: boolean; revokeSessions: boolean }): Promise<{ resetPasswordUrl: string }> {
  return resetPasswordByAdmin(ctx.db, { userId, ...options, orgUrl: ctx.orgUrl, now: ctx.now() }, (tx, { user, status }) =>
    audit(tx, ctx, "user.account.reset_password", "Reset password for user", userLogTargets(user), { previousStatus: user.status, status, ...options }),
  );
}
