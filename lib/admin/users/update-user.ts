import type { AdminContext, AdminResponse } from "../admin-request";
import { parseInput } from "../parse-input";
import { readJsonBody } from "../read-json-body";
import { findUser } from "./find-user";
import { saveUserChanges } from "./save-user-changes";
import { updateUserInput, userProfileInput } from "./user-input";

/**
 * POST /api/v1/users/:userId -> 200 User (SDK updateUser): partial update. The profile attributes
 * sent replace the stored ones (null clears an optional one; the others are kept) and the result
 * is validated whole, as on create. `credentials.password.value` sets a new password: this is how
 * an administrator resets a password (no reset links or emails are issued by this server).
 */
export async function updateUser(ctx: AdminContext): Promise<AdminResponse> {
  const user = await findUser(ctx.db, ctx.request.params.userId ?? "");
  const body = parseInput(updateUserInput, readJsonBody(ctx.request), "user");
  const profile = body.profile ? parseInput(userProfileInput, { ...(user.profile as Record<string, unknown>), ...body.profile }, "profile") : null;
  return saveUserChanges(ctx, user, profile, body.credentials?.password?.value ?? null);
}
