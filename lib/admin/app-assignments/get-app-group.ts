import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { findAppGroupAssignment } from "../../assignments/find-app-group-assignment";
import { ASSIGNED_GROUP_FIELDS, findGroup } from "../../groups/find-group";
import { appGroupJson } from "./app-group-json";

/** GET /api/v1/apps/:appId/groups/:groupId -> 200 ApplicationGroupAssignment, E0000007 when not assigned. */
export async function getAppGroup(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const group = await findGroup(ctx.db, ctx.request.params.groupId ?? "", ASSIGNED_GROUP_FIELDS);
  const assignment = await findAppGroupAssignment(ctx.db, app.id, group.id);
  if (!assignment) throw notFoundError(group.id, "ApplicationGroupAssignment");
  return { status: 200, body: appGroupJson(ctx.orgUrl, assignment) };
}
