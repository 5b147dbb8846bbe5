import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { findApp } from "../../apps/find-app";
import { audit } from "../audit";
import { ASSIGNED_GROUP_FIELDS, findGroup } from "../../groups/find-group";
import { removeAppGroupAssignment } from "../../groups/remove-app-group-assignment";
import { groupTarget } from "./assignment-targets";

/**
 * DELETE /api/v1/apps/:appId/groups/:groupId -> 204. Members who are no longer assigned to the app
 * in any way lose their refresh tokens and codes for its client_id, in the same transaction.
 */
export async function unassignGroupFromApp(ctx: AdminContext): Promise<AdminResponse> {
  await runUnassignGroupFromApp(ctx, ctx.request.params.appId ?? "", ctx.request.params.groupId ?? "");
  return { status: 204 };
}

/** unassignGroupFromApp as a typed operation. */
export async function runUnassignGroupFromApp(ctx: OperationContext, appId: string, groupId: string): Promise<void> {
  const app = await findApp(ctx.db, appId);
  const group = await findGroup(ctx.db, groupId, ASSIGNED_GROUP_FIELDS);
  const outcome = await removeAppGroupAssignment(ctx.db, { app, group, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "group.application_assignment.remove", `Removed group ${group.name} from application ${app.label}`, [appTarget(app), groupTarget(group)]),
  );
  if (outcome === "not-assigned") throw notFoundError(group.id, "ApplicationGroupAssignment");
}
