import { readJsonBody } from "../../okta-api/read-json-body";
import type { GroupBody } from "./group-input";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { createOktaGroup } from "../../groups/create-okta-group";
import { groupJson } from "./group-json";
import { groupLogTarget } from "./group-log-target";
import { readGroupProfile } from "./read-group-profile";

/** POST /api/v1/groups {profile: {name, description}} -> 200 (SDK createGroup), type OKTA_GROUP. */
export async function createGroup(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runCreateGroup(ctx, () => readJsonBody<GroupBody>(ctx.request)) };
}

/** createGroup as a typed operation. */
export async function runCreateGroup(ctx: OperationContext, body: Deferred<GroupBody>) {
  const profile = readGroupProfile(body());
  const group = await createOktaGroup(ctx.db, { name: profile.name, description: profile.description ?? null, now: ctx.now() }, (tx, created) =>
    audit(tx, ctx, "group.lifecycle.create", `Create group ${created.name}`, [groupLogTarget(created)]),
  );
  return groupJson(ctx.orgUrl, group);
}
