import { notFoundError, validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { findApp } from "../../apps/find-app";
import { audit } from "../audit";
import { findUserSummary } from "../../users/find-user-summary";
import { removeAppUserAssignment } from "../../users/remove-app-user-assignment";
import { userTarget } from "./assignment-targets";

/**
 * DELETE /api/v1/apps/:appId/users/:userId -> 204: removes a direct assignment. If the user is no
 * longer assigned at all, their refresh tokens and codes for the app's client_id are revoked in the
 * same transaction. A user assigned only through a group cannot be unassigned here.
 */
export async function unassignUserFromApp(ctx: AdminContext): Promise<AdminResponse> {
  await runUnassignUserFromApp(ctx, ctx.request.params.appId ?? "", ctx.request.params.userId ?? "");
  return { status: 204 };
}

/** unassignUserFromApp as a typed operation. */
export async function runUnassignUserFromApp(ctx: OperationContext, appId: string, userId: string): Promise<void> {
  const app = await findApp(ctx.db, appId);
  const user = await findUserSummary(ctx.db, userId);
  const outcome = await removeAppUserAssignment(ctx.db, { app, userId: user.id, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "application.user_membership.remove", `Removed user ${user.login} from application ${app.label}`, [appTarget(app), userTarget(user)]),
  );
  if (outcome === "not-assigned") throw notFoundError(user.id, "AppUser");
  if (outcome === "through-group") {
    throw validationError("appUser", ["The user is assigned to this application through a group; remove the group assignment or the group membership instead."]);
  }
}
