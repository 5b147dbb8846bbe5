import type { AdminContext, AdminResponse } from "../admin-request";
import { findUser } from "./find-user";
import { userJson } from "./user-json";

/**
 * GET /api/v1/users/:userId -> 200 User (SDK getUser): by id, or by login without regard to case.
 * `me` is the current user (SDK getCurrentUser): with an API token, the token's owner.
 */
export async function getUser(ctx: AdminContext): Promise<AdminResponse> {
  const userId = ctx.request.params.userId ?? "";
  const user = await findUser(ctx.db, userId === "me" ? ctx.actor.userId : userId);
  return { status: 200, body: userJson(ctx.orgUrl, user) };
}
