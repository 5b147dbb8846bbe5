import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findUser } from "../../users/find-user";
import { userJson } from "./user-json";

/**
 * GET /api/v1/users/:userId -> 200 User (SDK getUser): by id, or by login without regard to case.
 * `me` is the current user (SDK getCurrentUser): with an API token, the token's owner.
 */
export async function getUser(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetUser(ctx, ctx.request.params.userId ?? "") };
}

/** getUser as a typed operation. */
export async function runGetUser(ctx: OperationContext, userId: string) {
  const user = await findUser(ctx.db, userId === "me" ? ctx.actor.userId : userId);
  return userJson(ctx.orgUrl, user);
}
