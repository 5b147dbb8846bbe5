import { z } from "zod";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { parseInput, type BodyOf } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { saveUserAssignment } from "../../assignments/save-user-assignment";
import { findUserSummary } from "../../users/find-user-summary";
import { appUserJson } from "./app-user-json";
import { auditUserAssignment } from "./audit-user-assignment";

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
  const user = await findUserSummary(ctx.db, input.id);
  const assignment = await saveUserAssignment(ctx.db, { appId: app.id, userId: user.id, profile: input.profile, now: ctx.now(), ifMissing: "assign" }, (tx, { change }) =>
    auditUserAssignment(tx, ctx, change, app, user),
  );
  return appUserJson(ctx.orgUrl, app.id, user, { scope: "USER", profile: assignment.profile, created: assignment.created, lastUpdated: assignment.lastUpdated });
}
