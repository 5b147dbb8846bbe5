import { readJsonBody } from "../../okta-api/read-json-body";
import type { GroupBody } from "./group-input";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertGroupNameFree, duplicateGroupNameError } from "./assert-group-name-free";
import { assertOktaGroup } from "./assert-okta-group";
import { findGroup } from "./find-group";
import { groupJson } from "./group-json";
import { groupLogTarget } from "./group-log-target";
import { prismaErrorCode } from "../../db/prisma-error-code";
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
  const now = ctx.now();
  let group;
  try {
    group = await ctx.db.$transaction(async (tx) => {
      await assertGroupNameFree(tx, profile.name, current.id);
      const updated = await tx.group.update({
        where: { id: current.id },
        data: { name: profile.name, nameLower: profile.name.toLowerCase(), description: profile.description ?? null, lastUpdated: now },
      });
      await audit(tx, ctx, "group.profile.update", `Update Okta group ${updated.name}`, [groupLogTarget(updated)], {
        previousName: current.name,
      });
      return updated;
    });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") throw duplicateGroupNameError(profile.name);
    if (prismaErrorCode(error) === "P2025") throw notFoundError(current.id, "UserGroup"); // deleted meanwhile
    throw error;
  }
  return groupJson(ctx.orgUrl, group);
}
