import type { AdminContext, AdminResponse } from "../admin-request";
import { findUser } from "./find-user";
import { userJson } from "./user-json";

/** GET /api/v1/users/:userId -> 200 User (SDK getUser): by id, or by login without regard to case. */
export async function getUser(ctx: AdminContext): Promise<AdminResponse> {
  const user = await findUser(ctx.db, ctx.request.params.userId ?? "");
  return { status: 200, body: userJson(ctx.orgUrl, user) };
}
