import { asJson } from "../../db/as-json";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { findApp } from "../../apps/find-app";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { appGroupJson } from "./app-group-json";
import { groupTarget } from "./assignment-targets";
import { findGroup } from "./find-group";
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
  const group = await findGroup(ctx.db, groupId);
  const input = parseInput(groupAssignmentInput, body(), "applicationGroupAssignment");
  const now = ctx.now();
  const where = { appId_groupId: { appId: app.id, groupId: group.id } };
  const assignment = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.appGroupAssignment.findUnique({ where });
    if (existing) {
      const unchanged = (input.priority ?? existing.priority) === existing.priority && !input.profile;
      if (unchanged) return existing;
      const updated = await tx.appGroupAssignment.update({
        where,
        data: { priority: input.priority ?? existing.priority, ...(input.profile ? { profile: asJson(input.profile) } : {}), lastUpdated: now },
      });
      await audit(tx, ctx, "group.application_assignment.update", `Updated the assignment of group ${group.name} to application ${app.label}`, [appTarget(app), groupTarget(group)]);
      return updated;
    }
    const last = await tx.appGroupAssignment.findFirst({ where: { appId: app.id }, orderBy: { priority: "desc" }, select: { priority: true } });
    const created = await tx.appGroupAssignment.upsert({
      where,
      create: { appId: app.id, groupId: group.id, priority: input.priority ?? (last ? last.priority + 1 : 0), profile: asJson(input.profile ?? {}), created: now, lastUpdated: now },
      update: {},
    });
    await audit(tx, ctx, "group.application_assignment.add", `Assigned group ${group.name} to application ${app.label}`, [appTarget(app), groupTarget(group)]);
    return created;
  });
  return appGroupJson(ctx.orgUrl, assignment);
}
