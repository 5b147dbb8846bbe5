import { reactivateUser as reactivate } from "../../user-tokens/reactivate-user";
import type { ActivationLink } from "../../user-tokens/issue-activation";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { readBooleanParam } from "./read-boolean-param";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/reactivate?sendEmail=true|false (default false, as Okta; SDK
 * reactivateUser): a PROVISIONED or RECOVERY user is PROVISIONED with a new activation token (the
 * previous one stops working). sendEmail=false -> 200 `{activationUrl, activationToken}`;
 * sendEmail=true -> the activation email, 200 `{}`. Another status: 403 E0000038. Logged as
 * user.lifecycle.reactivate in the same transaction.
 */
export async function reactivateUser(ctx: AdminContext): Promise<AdminResponse> {
  const sendEmail = readBooleanParam(ctx.request.url, "sendEmail", false);
  const link = await runReactivateUser(ctx, ctx.request.params.userId ?? "", { sendEmail });
  return { status: 200, body: sendEmail ? {} : link };
}

/** reactivateUser as a typed operation. */
export async function runReactivateUser(ctx: OperationContext, userId: string, options: { sendEmail: boolean }): Promise<ActivationLink> {
  return reactivate(ctx.db, { userId, sendEmail: options.sendEmail, orgUrl: ctx.orgUrl, now: ctx.now() }, (tx, { user, status }) =>
    audit(tx, ctx, "user.lifecycle.reactivate", "Reactivate user", userLogTargets(user), { previousStatus: user.status, status, sendEmail: options.sendEmail }),
  );
}
