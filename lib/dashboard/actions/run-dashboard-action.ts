import type { DashboardApp, DashboardClient } from "../dashboard-context";
import type { FormFiles, FormInput } from "../form-input";
import { enforceTargetRules } from "../../admin-roles/check-target-rules";
import { rolesAllow } from "../../admin-roles/permissions";
import { callOperation } from "../call-operation";
import { requireAdmin } from "../require-admin";
import { actionPermission } from "./action-permissions";
import { actionTarget } from "./action-targets";
import { failure } from "./outcome";
import { appActions } from "./app-actions";
import { appGrantActions } from "./app-grant-actions";
import { authorizationServerActions } from "./authorization-server-actions";
import { brandingActions } from "./branding-actions";
import { directoryActions } from "./directory-actions";
import { factorActions } from "./factor-actions";
import { networkZoneActions } from "./network-zone-actions";
import { orgActions } from "./org-actions";
import { orgPolicyActions } from "./org-policy-actions";
import { roleActions } from "./role-actions";
import type { ActionOutcome, DashboardAction } from "./types";
import { userActions } from "./user-actions";

/** Every action the dashboard can perform, by name (the forms' hidden `_action` field). */
export const DASHBOARD_ACTIONS: Readonly<Record<string, DashboardAction>> = Object.freeze({
  ...authorizationServerActions,
  ...appActions,
  ...appGrantActions,
  ...userActions,
  ...directoryActions,
  ...orgActions,
  ...orgPolicyActions,
  ...networkZoneActions,
  ...factorActions,
  ...brandingActions,
  ...roleActions,
});

export type DashboardActionResult = ActionOutcome | { ok: false; refused: "signin" | "forbidden" };

export type DashboardRequest = { app: DashboardApp; cookieHeader: string | null; client: DashboardClient };

/**
 * Runs one named dashboard action for the request's session. The admin check runs here, on the
 * server, before anything else and whatever the UI showed: without a live session the answer is
 * `refused: "signin"`, for a user who is not an active admin, or an admin whose roles lack the
 * action's permission (ACTION_PERMISSIONS), `refused: "forbidden"`, and nothing is read or changed.
 * Then the target rules, as the API applies them (actionTarget): an admin user, a group carrying
 * a role or an app holding one is changed by a SUPER_ADMIN only (403 E0000006 with the reason,
 * logged as a denied privilege).
 */
export async function runDashboardAction(request: DashboardRequest, name: string, form: FormInput, files: FormFiles = {}): Promise<DashboardActionResult> {
  const check = await requireAdmin(request.app.db, request.cookieHeader, request.app.now());
  if (!check.ok) return { ok: false, refused: check.reason };
  const action = Object.hasOwn(DASHBOARD_ACTIONS, name) ? DASHBOARD_ACTIONS[name] : undefined;
  const permission = actionPermission(name);
  if (!action || !permission) return { ok: false, error: `Unknown action "${name}".`, causes: [] };
  if (!rolesAllow(check.admin.roles, permission)) return { ok: false, refused: "forbidden" };
  const call = { app: request.app, admin: check.admin, client: request.client };
  const target = actionTarget(name, form);
  if (target) {
    const allowed = await callOperation(call, (ctx) => enforceTargetRules(ctx.db, ctx, target, ctx.now()));
    if (!allowed.ok) return failure(allowed);
  }
  return action(call, form, files);
}
