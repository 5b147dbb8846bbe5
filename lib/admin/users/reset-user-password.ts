import { AdminApiError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findUser } from "../../users/find-user";

/**
 * POST /api/v1/users/:userId/lifecycle/reset_password -> 501 E0000052. Okta answers with a
 * one-time reset link (or an email); this server hosts no reset page and sends no email, so it
 * says so and names the administrator's way to set a password instead. Unknown user: 404.
 */
export async function resetUserPassword(ctx: AdminContext): Promise<AdminResponse> {
  const user = await findUser(ctx.db, ctx.request.params.userId ?? "");
  throw new AdminApiError(501, "E0000052", "Endpoint not implemented", [
    `Password reset links and emails are not provided. Set a new password with POST /api/v1/users/${user.id} and the body {"credentials":{"password":{"value":"<new password>"}}}.`,
  ]);
}
