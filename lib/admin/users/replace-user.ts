import type { AdminContext, AdminResponse } from "../admin-request";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { findUser } from "../../users/find-user";
import { saveUserChanges } from "./save-user-changes";
import { replaceUserInput, userProfileInput } from "./user-input";

/**
 * PUT /api/v1/users/:userId -> 200 User (SDK replaceUser): the profile is replaced whole (attributes
 * not sent are removed) and validated as on create; `credentials.password.value`, when sent, sets
 * a new password. A User object read with GET can be sent back as is.
 */
export async function replaceUser(ctx: AdminContext): Promise<AdminResponse> {
  const user = await findUser(ctx.db, ctx.request.params.userId ?? "");
  const body = parseInput(replaceUserInput, readJsonBody(ctx.request), "user");
  const profile = parseInput(userProfileInput, body.profile, "profile");
  return { status: 200, body: await saveUserChanges(ctx, user, profile, body.credentials?.password?.value ?? null) };
}
