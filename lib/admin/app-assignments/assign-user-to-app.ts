import { z } from "zod";
import { asJson } from "../../db/as-json";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findApp } from "../../apps/find-app";
import { appTarget } from "../apps/app-target";
import { parseInput, type BodyOf } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { appUserJson } from "./app-user-json";
import { userTarget } from "./assignment-targets";
import { findUser } from "./find-user";

const appUserBody = z.object({
  id: z.string({ error: "The field cannot be left blank." }).min(1, "The field cannot be left blank."),
  scope: z.enum(["USER"], { error: "scope must be USER." }).nullish(),
  profile: z.record(z.string(), z.unknown(), { error: "Must be a JSON object." }).nullish(),
});

/**
 * POST /api/v1/apps/:appId/users {id, scope:"USER", profile?} -> 200 AppUser: assigns a user to
 * the app directly. Assigning an assigned user again updates the profile when one is given.
 */
export async function assignUserToApp(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runAssignUserToApp(ctx, ctx.request.params.appId ?? "", () => readJsonBody<AppUserBody>(ctx.request)) };
}

export type AppUserBody = BodyOf<typeof appUserBody>;

/** assignUserToApp as a typed operation. */
export async function runAssignUserToApp(ctx: OperationContext, appId: string, body: Deferred<AppUserBody>) {
  const app = await findApp(ctx.db, appId);
  const input = parseInput(appUserBody, body(), "appUser");
  const user = await findUser(ctx.db, input.id);
  const now = ctx.now();
  const where = { appId_userId: { appId: app.id, userId: user.id } };
  const present = (row: { profile: unknown; created: Date; lastUpdated: Date }) =>
    appUserJson(ctx.orgUrl, app.id, user, { scope: "USER", profile: row.profile, created: row.created, lastUpdated: row.lastUpdated });
  const assignment = await ctx.db.$transaction(async (tx) => {
    const existing = await tx.appUserAssignment.findUnique({ where });
    if (!existing) {
      const created = await tx.appUserAssignment.upsert({
        where,
        create: { appId: app.id, userId: user.id, scope: "USER", profile: asJson(input.profile ?? {}), created: now, lastUpdated: now },
        update: {},
      });
      await audit(tx, ctx, "application.user_membership.add", `Added user ${user.login} to application ${app.label}`, [appTarget(app), userTarget(user)]);
      return created;
    }
    if (!input.profile) return existing;
    const updated = await tx.appUserAssignment.update({ where, data: { profile: asJson(input.profile), lastUpdated: now } });
    await audit(tx, ctx, "application.user_membership.update", `Updated the assignment of user ${user.login} to application ${app.label}`, [appTarget(app), userTarget(user)]);
    return updated;
  });
  return present(assignment);
}
