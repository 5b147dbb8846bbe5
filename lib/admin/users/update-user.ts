import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { findUser } from "../../users/find-user";
import { saveUserChanges } from "./save-user-changes";
import { type UpdateUserBody, updateUserInput, userProfileInput } from "./user-input";

/**
 * POST /api/v1/users/:userId -> 200 User (SDK updateUser): partial update. The profile attributes
 * sent replace the stored ones (null clears an optional one; the others are kept) and the result
 * is validated whole, as on create. `credentials.password.value` sets a new password: this is how
 * an administrator resets a password (no reset links or emails are issued by this server).
 */
export async function updateUser(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runUpdateUser(ctx, ctx.request.params.userId ?? "", () => readJsonBody<UpdateUserBody>(ctx.request)) };
}

/** updateUser as a typed operation. */
export async function runUpdateUser(ctx: OperationContext, userId: string, request: Deferred<UpdateUserBody>) {
  const user = await findUser(ctx.db, userId);
  const body = parseInput(updateUserInput, request(), "user");
  const profile = body.profile ? parseInput(userProfileInput, { ...(user.profile as Record<string, unknown>), ...body.profile }, "profile") : null;
  return saveUserChanges(ctx, user, profile, body.credentials?.password?.value ?? null);
}
