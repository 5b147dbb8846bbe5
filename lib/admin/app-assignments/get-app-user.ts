import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { appUserJson } from "./app-user-json";
import { findUserSummary } from "../../users/find-user-summary";
import { findAppAssignment } from "../../assignments/find-app-assignment";

/** GET /api/v1/apps/:appId/users/:userId -> 200 AppUser (scope USER or GROUP), E0000007 when not assigned. */
export async function getAppUser(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const user = await findUserSummary(ctx.db, ctx.request.params.userId ?? "");
  const assignment = await findAppAssignment(ctx.db, app.id, user.id);
  if (!assignment) throw notFoundError(user.id, "AppUser");
  return { status: 200, body: appUserJson(ctx.orgUrl, app.id, user, assignment) };
}
