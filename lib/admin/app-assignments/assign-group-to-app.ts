import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { findApp } from "../../apps/find-app";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { saveGroupAssignment } from "../../assignments/save-group-assignment";
import { ASSIGNED_GROUP_FIELDS, findGroup } from "../../groups/find-group";
import { appGroupJson } from "./app-group-json";
import { groupTarget } from "./assignment-targets";
import { groupAssignmentInput, type GroupAssignmentBody } from "./group-assignment-input";

/**
 * PUT /api/v1/apps/:appId/groups/:groupId {priority?, profile?} -> 200 ApplicationGroupAssignment.
 * Every member (every user, for the built-in Everyone group) can then use the app. A new
 * assignment without a priority goes after the existing ones (as Okta); an existing one keeps what
 * the body does not set.
 */
export async function assignGroupToApp(ctx: AdminContext): Promise<AdminResponse> {
  const body = () => readJsonBody<GroupAssignmentBody>(ctx.request, { optional: true });
  return { status: 200, body: await runAssignGroupToApp(ctx, ctx.request.params.appId ?? "", ctx.request.params.groupId ?? "", body) };
}

/** assignGroupToApp as a typed operation. */
export async function runAssignGroupToApp(ctx: OperationContext, appId: string, groupId: string, body: Deferred<GroupAssignmentBody> = () => ({})) {
  const app = await findApp(ctx.db, appId);
  const group = await findGroup(ctx.db, groupId, ASSIGNED_GROUP_FIELDS);
  const input = parseInput(groupAssignmentInput, body(), "applicationGroupAssignment");
  const targets = [appTarget(app), groupTarget(group)];
  const assignment = await saveGroupAssignment(ctx.db, { appId: app.id, groupId: group.id, priority: input.priority, profile: input.profile, now: ctx.now() }, (tx, { change }) =>
    change === "add"
      ? audit(tx, ctx, "group.application_assignment.add", `Assigned group ${group.name} to application ${app.label}`, targets)
      : audit(tx, ctx, "group.application_assignment.update", `Updated the assignment of group ${group.name} to application ${app.label}`, targets),
  );
  return appGroupJson(ctx.orgUrl, assignment);
}
