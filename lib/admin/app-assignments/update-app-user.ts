import { z } from "zod";
import type { AdminContext, AdminResponse } from "../admin-request";
import { findApp } from "../../apps/find-app";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { saveUserAssignment } from "../../assignments/save-user-assignment";
import { findUserSummary } from "../../users/find-user-summary";
import { appUserJson } from "./app-user-json";
import { auditUserAssignment } from "./audit-user-assignment";

const updateBody = z.object({ profile: z.record(z.string(), z.unknown(), { error: "Must be a JSON object." }).nullish() });

/** POST /api/v1/apps/:appId/users/:userId {profile?} -> 200 AppUser: updates a direct assignment's profile. */
export async function updateAppUser(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const user = await findUserSummary(ctx.db, ctx.request.params.userId ?? "");
  const input = parseInput(updateBody, readJsonBody(ctx.request, { optional: true }), "appUser");
  const assignment = await saveUserAssignment(ctx.db, { appId: app.id, userId: user.id, profile: input.profile, now: ctx.now(), ifMissing: "not-found" }, (tx, { change }) =>
    auditUserAssignment(tx, ctx, change, app, user),
  );
  return { status: 200, body: appUserJson(ctx.orgUrl, app.id, user, { scope: "USER", profile: assignment.profile, created: assignment.created, lastUpdated: assignment.lastUpdated }) };
}
