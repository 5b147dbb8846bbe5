import { isEveryoneGroup } from "../../assignments/is-everyone-group";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { findApp } from "../../apps/find-app";
import { audit } from "../audit";
import { groupTarget } from "./assignment-targets";
import { findGroup } from "./find-group";
import { revokeGrantsOfUnassignedUsers } from "../../oauth/tokens/revoke-grants-of-unassigned-users";

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
  const group = await findGroup(ctx.db, groupId);
  const where = { appId_groupId: { appId: app.id, groupId: group.id } };
  if (!(await ctx.db.appGroupAssignment.findUnique({ where }))) throw notFoundError(group.id, "ApplicationGroupAssignment");
  const everyone = isEveryoneGroup(group);
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await tx.appGroupAssignment.deleteMany({ where: { appId: app.id, groupId: group.id } });
    await revokeGrantsOfUnassignedUsers(tx, app, everyone ? {} : { memberships: { some: { groupId: group.id } } }, now);
    await audit(tx, ctx, "group.application_assignment.remove", `Removed group ${group.name} from application ${app.label}`, [appTarget(app), groupTarget(group)]);
  });
}
