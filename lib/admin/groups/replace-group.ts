import { readJsonBody } from "../../okta-api/read-json-body";
import type { GroupBody } from "./group-input";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertOktaGroup } from "../../groups/assert-okta-group";
import { findGroup } from "../../groups/find-group";
import { updateGroupProfile } from "../../groups/update-group-profile";
import { groupJson } from "./group-json";
import { groupLogTarget } from "./group-log-target";
import { readGroupProfile } from "./read-group-profile";

/**
 * PUT /api/v1/groups/:groupId {profile} -> 200 (SDK replaceGroup): the profile is replaced whole
 * (an omitted description is cleared). Only OKTA_GROUP groups.
 */
export async function replaceGroup(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceGroup(ctx, ctx.request.params.groupId ?? "", () => readJsonBody<GroupBody>(ctx.request)) };
}

/** replaceGroup as a typed operation. */
export async function runReplaceGroup(ctx: OperationContext, groupId: string, body: Deferred<GroupBody>) {
  const current = await findGroup(ctx.db, groupId);
  assertOktaGroup(current, "be updated");
  const profile = readGroupProfile(body());
  const input = { id: current.id, name: profile.name, description: profile.description ?? null, now: ctx.now() };
  const group = await updateGroupProfile(ctx.db, input, (tx, updated) =>
    audit(tx, ctx, "group.profile.update", `Update group ${updated.name}`, [groupLogTarget(updated)], { previousName: current.name }),
  );
  return groupJson(ctx.orgUrl, group);
}
