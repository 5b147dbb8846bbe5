import { readJsonBody } from "../../okta-api/read-json-body";
import type { GroupBody } from "./group-input";
import { newId } from "../../ids/new-id";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertGroupNameFree, duplicateGroupNameError } from "./assert-group-name-free";
import { groupJson } from "./group-json";
import { groupLogTarget } from "./group-log-target";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { readGroupProfile } from "./read-group-profile";

/** POST /api/v1/groups {profile: {name, description}} -> 200 (SDK createGroup), type OKTA_GROUP. */
export async function createGroup(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runCreateGroup(ctx, () => readJsonBody<GroupBody>(ctx.request)) };
}

/** createGroup as a typed operation. */
export async function runCreateGroup(ctx: OperationContext, body: Deferred<GroupBody>) {
  const profile = readGroupProfile(body());
  const now = ctx.now();
  let group;
  try {
    group = await ctx.db.$transaction(async (tx) => {
      await assertGroupNameFree(tx, profile.name, null);
      const created = await tx.group.create({
        data: {
          id: newId("group"),
          type: "OKTA_GROUP",
          name: profile.name,
          nameLower: profile.name.toLowerCase(),
          description: profile.description ?? null,
          created: now,
          lastUpdated: now,
          lastMembershipUpdated: now,
        },
      });
      await audit(tx, ctx, "group.lifecycle.create", `Create Okta group ${created.name}`, [groupLogTarget(created)]);
      return created;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? duplicateGroupNameError(profile.name) : error;
  }
  return groupJson(ctx.orgUrl, group);
}
