import type { Db, DbTx } from "../db/create-db-client";
import { AdminApiError } from "../okta-api/admin-api-error";
import { userPathKey } from "../okta-api/user-path-key";
import { writeSystemLog } from "../system-log/write-system-log";
import type { AssigneeRef } from "./role-assignee";
import type { RoleType } from "./role-types";

/** The caller the rules are checked for (lib/admin's Actor and Caller fit these shapes). */
export type RoleActor = { userId: string; login: string; displayName: string; apiTokenId: string; roles: readonly RoleType[]; kind?: "user" | "app" };
export type RoleCaller = { actor: RoleActor; client: { ipAddress: string | null; userAgent: string | null }; requestUri: string | null };

/**
 * What a change acts on, as far as privileges go (lib/admin/route-targets.ts derives it from an API
 * route, the dashboard from its action):
 * - user: a user's profile, lifecycle, credentials, factors (`userId` "me" is the caller);
 * - group: a group itself or its membership; groups: the groups a new user is created into;
 * - app: an app (its secrets and credentials act as the app, with the app's roles and grants);
 *   client: the same app named by its client_id (RFC 7591 client management);
 * - apiToken: revoking an API token (its owner's rights);
 * - privileges: assigning or unassigning a role, granting or revoking an app's okta.* scopes.
 */
export type ManagedTarget =
  | { type: "user"; userId: string }
  | { type: "group"; groupId: string }
  | { type: "groups"; groupIds: readonly string[] }
  | { type: "app"; appId: string }
  | { type: "client"; clientId: string }
  | { type: "apiToken"; apiTokenId: string }
  | { type: "privileges"; assignee: AssigneeRef };

export type TargetDecision = { ok: true } | { ok: false; reason: string };

const ALLOWED: TargetDecision = { ok: true };
const SUPER_ONLY = "only a super administrator (SUPER_ADMIN) may do this";

/**
 * THE target rules (privilege escalation), on top of the route's permission
 * (lib/admin-roles/permissions.ts). A SUPER_ADMIN passes all of them except the last; anyone else:
 * 1. a user who holds an admin role (directly or through a group) is managed by a SUPER_ADMIN only:
 *    an ORG_ADMIN cannot reset a super administrator's password and sign in as them;
 * 2. a group that carries a role (and its membership) likewise: adding oneself to the group of the
 *    super administrators is granting oneself SUPER_ADMIN; creating a user into it too;
 * 3. an app that holds a role or an okta.* scope grant likewise: a new client secret acts as the app;
 * 4. an API token is revoked by its owner, or per rule 1 when its owner is an administrator;
 * 5. roles and scope grants are changed by a SUPER_ADMIN only (roles.manage, appGrants.manage), and
 *    never by an app for itself: no caller raises its own privileges.
 * Refusals are 403 E0000006 and a System Log entry (enforceTargetRules).
 */
export async function checkTargetRules(db: Db | DbTx, actor: RoleActor, target: ManagedTarget): Promise<TargetDecision> {
  const superAdmin = actor.roles.includes("SUPER_ADMIN");
  if (target.type === "privileges") {
    if (!superAdmin) return { ok: false, reason: `Changing admin roles or scope grants: ${SUPER_ONLY}.` };
    if (actor.kind === "app" && target.assignee.type === "APP" && target.assignee.id === actor.userId) return { ok: false, reason: "An app cannot change its own admin roles or scope grants." };
    return ALLOWED;
  }
  if (superAdmin) return ALLOWED;
  switch (target.type) {
    case "user": {
      // the user the operation will act on, named by id or login as findUser resolves it; unknown: the operation's 404
      const userId = target.userId === "me" ? actor.userId : (await db.user.findUnique({ where: userPathKey(target.userId).where, select: { id: true } }))?.id;
      if (userId === undefined) return ALLOWED;
      return (await userIsAdmin(db, userId)) ? { ok: false, reason: `The user ${userId} holds an admin role: ${SUPER_ONLY}.` } : ALLOWED;
    }
    case "group":
      return (await groupsCarryingRoles(db, [target.groupId])) > 0 ? { ok: false, reason: `The group ${target.groupId} carries an admin role: ${SUPER_ONLY}.` } : ALLOWED;
    case "groups":
      return target.groupIds.length > 0 && (await groupsCarryingRoles(db, [...target.groupIds])) > 0 ? { ok: false, reason: `A group in groupIds carries an admin role: ${SUPER_ONLY}.` } : ALLOWED;
    case "app":
    case "client": {
      const where = target.type === "app" ? { id: target.appId } : { clientId: target.clientId };
      const app = await db.app.findUnique({ where, select: { id: true, _count: { select: { roleAssignments: true, scopeGrants: true } } } });
      return app && app._count.roleAssignments + app._count.scopeGrants > 0 ? { ok: false, reason: `The app ${app.id} holds admin roles or okta.* scope grants: ${SUPER_ONLY}.` } : ALLOWED;
    }
    case "apiToken": {
      const token = await db.apiToken.findUnique({ where: { id: target.apiTokenId }, select: { userId: true } });
      if (!token || token.userId === actor.userId) return ALLOWED;
      return (await userIsAdmin(db, token.userId)) ? { ok: false, reason: `The API token ${target.apiTokenId} belongs to an administrator: ${SUPER_ONLY}.` } : ALLOWED;
    }
  }
}

async function userIsAdmin(db: Db | DbTx, userId: string): Promise<boolean> {
  const held = await db.roleAssignment.count({ where: { OR: [{ userId }, { group: { memberships: { some: { userId } } } }] } });
  return held > 0;
}

function groupsCarryingRoles(db: Db | DbTx, groupIds: string[]): Promise<number> {
  return db.roleAssignment.count({ where: { groupId: { in: groupIds } } });
}

/** 403 E0000006 with the rule's reason as the cause. */
export const privilegeDeniedError = (reason: string) => new AdminApiError(403, "E0000006", "You do not have permission to perform the requested action", [reason]);

/** checkTargetRules, refusing (403 E0000006, logged as a denied privilege) what the rules forbid. */
export async function enforceTargetRules(db: Db, caller: RoleCaller, target: ManagedTarget, now: Date): Promise<void> {
  const decision = await checkTargetRules(db, caller.actor, target);
  if (decision.ok) return;
  await logPrivilegeDenied(db, caller, decision.reason, now);
  throw privilegeDeniedError(decision.reason);
}

/**
 * The System Log entry of a refused management request (a role without the route's permission, a
 * token without its scope, a target rule): `core.user.admin_privilege.denied`, outcome DENY, WARN.
 * Written on its own (there is no change to commit with); never fails the request.
 */
export function logPrivilegeDenied(db: Db, caller: RoleCaller, reason: string, now: Date): Promise<void> {
  const { actor } = caller;
  return writeSystemLog(
    db,
    {
      eventType: "core.user.admin_privilege.denied",
      displayMessage: "Administrator privilege denied",
      actor: { id: actor.userId, type: actor.kind === "app" ? "PublicClientApp" : "User", alternateId: actor.login, displayName: actor.displayName },
      client: caller.client,
      outcome: { result: "DENY", reason },
      debugContext: { apiTokenId: actor.apiTokenId, roles: actor.roles.join(" "), ...(caller.requestUri !== null ? { requestUri: caller.requestUri } : {}) },
    },
    now,
  );
}
