import { activateUser as activate } from "../../users/activate-user";
import { issueActivation, recipientOf, type ActivationLink } from "../../user-tokens/issue-activation";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { readBooleanParam } from "./read-boolean-param";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/activate?sendEmail=true|false (default true; SDK
 * activateUser). STAGED, PROVISIONED or DEPROVISIONED users become ACTIVE when they have a password,
 * PROVISIONED otherwise: then, in the same transaction, a new activation token (7 days; the previous
 * one stops working) and, with sendEmail=true, the activation email. The answer is Okta's
 * UserActivationToken `{activationUrl, activationToken}` when sendEmail=false and a token was
 * issued, else `{}`. An ACTIVE user: 403 E0000016; any other status (SUSPENDED, LOCKED_OUT, ...):
 * 403 E0000038, naming the operation to use instead.
 */
export async function activateUser(ctx: AdminContext): Promise<AdminResponse> {
  const sendEmail = readBooleanParam(ctx.request.url, "sendEmail", true);
  const link = await runActivateUser(ctx, ctx.request.params.userId ?? "", { sendEmail });
  return { status: 200, body: link && !sendEmail ? link : {} };
}

/** activateUser as a typed operation (the dashboard's "Activate": the email is sent); the activation link when one was issued. */
export async function runActivateUser(ctx: OperationContext, userId: string, options: { sendEmail: boolean } = { sendEmail: true }): Promise<ActivationLink | null> {
  let link: ActivationLink | null = null;
  await activate(ctx.db, { userId, now: ctx.now() }, async (tx, { user, status }) => {
    await audit(tx, ctx, "user.lifecycle.activate", "Activate user", userLogTargets(user), { previousStatus: user.status, status });
    if (status === "PROVISIONED") link = await issueActivation(tx, { user: recipientOf(user), sendEmail: options.sendEmail, orgUrl: ctx.orgUrl, now: ctx.now() });
  });
  return link;
}
