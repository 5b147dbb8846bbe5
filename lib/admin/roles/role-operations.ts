import { listAdmins } from "../../admin-roles/list-admins";
import { assignRole } from "../../admin-roles/assign-role";
import { enforceTargetRules } from "../../admin-roles/check-target-rules";
import { findRoleAssignment, listRoleAssignments } from "../../admin-roles/list-role-assignments";
import { findRoleAssignee, type AssigneeRef, type AssigneeType, type FoundAssignee } from "../../admin-roles/role-assignee";
import { ROLE_LABELS, type RoleType } from "../../admin-roles/role-types";
import { unassignRole } from "../../admin-roles/unassign-role";
import type { RoleAssignment } from "../../db/generated/sqlite/client";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { LogTarget } from "../../system-log/write-system-log";
import type { AdminContext, AdminOperation, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { appTarget } from "../apps/app-target";
import { groupLogTarget } from "../groups/group-log-target";
import { userLogTargets } from "../users/user-log-targets";
import { roleJson, type RoleJson } from "./role-json";

/** POST .../roles body: `{type}` (Okta's standard role assignment; custom roles are not supported). */
export type AssignRoleBody = { type?: unknown };

/** The System Log event types of a grant and a revoke, per assignee (Okta's user.account.privilege.*, group.privilege.*). */
const EVENTS: Record<AssigneeType, { grant: string; revoke: string }> = {
  USER: { grant: "user.account.privilege.grant", revoke: "user.account.privilege.revoke" },
  GROUP: { grant: "group.privilege.grant", revoke: "group.privilege.revoke" },
  APP: { grant: "app.oauth2.client.privilege.grant", revoke: "app.oauth2.client.privilege.revoke" },
};

/** `me` in /users/me/roles is the caller (a user). */
function resolve(ctx: OperationContext, ref: AssigneeRef): AssigneeRef {
  return ref.type === "USER" && ref.id === "me" ? { ...ref, id: ctx.actor.userId } : ref;
}

function logTargets(assignee: FoundAssignee): LogTarget[] {
  if (assignee.user) return userLogTargets(assignee.user);
  if (assignee.app) return [appTarget(assignee.app)];
  return [groupLogTarget({ id: assignee.id, name: assignee.name })];
}

/** GET /api/v1/{users|groups|apps}/{id}/roles as a typed operation: the assignee's own roles (404 E0000007 for an unknown assignee). */
export async function runListRoles(ctx: OperationContext, ref: AssigneeRef): Promise<RoleJson[]> {
  const assignee = await findRoleAssignee(ctx.db, resolve(ctx, ref));
  return (await listRoleAssignments(ctx.db, assignee)).map((row) => roleJson(ctx.orgUrl, row));
}

/** GET .../roles/{roleAssignmentId} as a typed operation (404 E0000007 Role when the assignee holds no such assignment). */
export async function runGetRole(ctx: OperationContext, ref: AssigneeRef, roleAssignmentId: string): Promise<RoleJson> {
  const assignee = await findRoleAssignee(ctx.db, resolve(ctx, ref));
  return roleJson(ctx.orgUrl, await findRoleAssignment(ctx.db, assignee, roleAssignmentId));
}

/**
 * POST .../roles {type} as a typed operation: 201 and the Role (Okta's answer). SUPER_ADMIN only,
 * never an app for itself (target rules, logged when refused); unknown assignee 404, unknown type
 * 400 E0000001, BUILT_IN group 400 E0000060, held already 409 E0000090.
 */
export async function runAssignRole(ctx: OperationContext, ref: AssigneeRef, body: Deferred<AssignRoleBody>): Promise<RoleJson> {
  const resolved = resolve(ctx, ref);
  await enforceTargetRules(ctx.db, ctx, { type: "privileges", assignee: resolved }, ctx.now());
  const assignee = await findRoleAssignee(ctx.db, resolved);
  const input = body();
  const type = typeof input === "object" && input !== null ? input.type : undefined;
  const row = await assignRole(ctx.db, { assignee, type, now: ctx.now() }, (tx, created) => audit(tx, ctx, EVENTS[assignee.type].grant, grantMessage(created, assignee), logTargets(assignee), { privilegeGranted: label(created) }));
  return roleJson(ctx.orgUrl, row);
}

/** DELETE .../roles/{roleAssignmentId} as a typed operation (the last active SUPER_ADMIN stays: 400 E0000001). */
export async function runUnassignRole(ctx: OperationContext, ref: AssigneeRef, roleAssignmentId: string): Promise<void> {
  const resolved = resolve(ctx, ref);
  await enforceTargetRules(ctx.db, ctx, { type: "privileges", assignee: resolved }, ctx.now());
  const assignee = await findRoleAssignee(ctx.db, resolved);
  await unassignRole(ctx.db, { assignee, roleAssignmentId }, (tx, removed) =>
    audit(tx, ctx, EVENTS[assignee.type].revoke, `Revoke ${label(removed)} from ${assignee.name}`, logTargets(assignee), { privilegeRevoked: label(removed) }),
  );
}

/** Every user, group and app holding an admin role, with their assignments (the dashboard's Admins page). */
export async function runListAdmins(ctx: OperationContext) {
  return listAdmins(ctx.db);
}

const label = (row: RoleAssignment) => ROLE_LABELS[row.type as RoleType] ?? row.type;
const grantMessage = (row: RoleAssignment, assignee: FoundAssignee) => `Grant ${label(row)} to ${assignee.name}`;

/**
 * The HTTP handlers of one assignee type's Roles API (the route files' operations):
 * list (GET .../roles, 200), assign (POST, 201), get (GET .../roles/{roleAssignmentId}, 200),
 * unassign (DELETE, 204).
 */
function roleHandlers(type: AssigneeType, param: "userId" | "groupId" | "appId"): Record<"list" | "assign" | "get" | "unassign", AdminOperation> {
  const ref = (ctx: AdminContext): AssigneeRef => ({ type, id: ctx.request.params[param] ?? "" });
  const roleId = (ctx: AdminContext) => ctx.request.params.roleAssignmentId ?? "";
  return {
    list: async (ctx): Promise<AdminResponse> => ({ status: 200, body: await runListRoles(ctx, ref(ctx)) }),
    assign: async (ctx) => ({ status: 201, body: await runAssignRole(ctx, ref(ctx), () => readJsonBody<AssignRoleBody>(ctx.request)) }),
    get: async (ctx) => ({ status: 200, body: await runGetRole(ctx, ref(ctx), roleId(ctx)) }),
    unassign: async (ctx) => {
      await runUnassignRole(ctx, ref(ctx), roleId(ctx));
      return { status: 204 };
    },
  };
}

export const userRoles = roleHandlers("USER", "userId");
export const groupRoles = roleHandlers("GROUP", "groupId");
export const appRoles = roleHandlers("APP", "appId");
