import { z } from "zod";
import { asJson } from "../../db/as-json";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { findApp } from "../../apps/find-app";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { appUserJson } from "./app-user-json";
import { userTarget } from "./assignment-targets";
import { findUser } from "./find-user";

const updateBody = z.object({ profile: z.record(z.string(), z.unknown(), { error: "Must be a JSON object." }).nullish() });

/** POST /api/v1/apps/:appId/users/:userId {profile?} -> 200 AppUser: updates a direct assignment's profile. */
export async function updateAppUser(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const user = await findUser(ctx.db, ctx.request.params.userId ?? "");
  const input = parseInput(updateBody, readJsonBody(ctx.request, { optional: true }), "appUser");
  const where = { appId_userId: { appId: app.id, userId: user.id } };
  const assignment = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.appUserAssignment.findUnique({ where });
    if (!existing) throw notFoundError(user.id, "AppUser");
    if (!input.profile) return existing;
    const updated = await tx.appUserAssignment.update({ where, data: { profile: asJson(input.profile), lastUpdated: ctx.now() } });
    await audit(tx, ctx, "application.user_membership.update", `Updated the assignment of user ${user.login} to application ${app.label}`, [appTarget(app), userTarget(user)]);
    return updated;
  });
  return { status: 200, body: appUserJson(ctx.orgUrl, app.id, user, { scope: "USER", profile: assignment.profile, created: assignment.created, lastUpdated: assignment.lastUpdated }) };
}
