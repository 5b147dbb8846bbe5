import { addGroupMember } from "../../admin/groups/add-group-member";
import { removeGroupMember } from "../../admin/groups/remove-group-member";
import { activateUser } from "../../admin/users/activate-user";
import { createUser } from "../../admin/users/create-user";
import { deactivateUser } from "../../admin/users/deactivate-user";
import { deleteUser } from "../../admin/users/delete-user";
import { suspendUser } from "../../admin/users/suspend-user";
import { unlockUser } from "../../admin/users/unlock-user";
import { unsuspendUser } from "../../admin/users/unsuspend-user";
import { updateUser } from "../../admin/users/update-user";
import type { AdminOperation } from "../../admin/admin-request";
import { endSessionInTransaction } from "../../sessions/end-session";
import { appendSystemLog } from "../../system-log/write-system-log";
import type { AdminCall } from "../dashboard-context";
import { checked, optionalText, text, values, type FormInput } from "../form-input";
import { runAdminOperation } from "../run-admin-operation";
import { idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const USERS = "/api/v1/users";
const run = runAdminOperation;

/** The profile attributes the dashboard edits; blank optional ones are cleared (null). */
export const EDITABLE_PROFILE = {
  required: ["login", "email", "firstName", "lastName"],
  optional: ["mobilePhone", "title", "department", "locale", "timezone"],
} as const;

function profileFrom(form: FormInput) {
  const profile: Record<string, string | null> = {};
  for (const name of EDITABLE_PROFILE.required) profile[name] = text(form, name).trim();
  for (const name of EDITABLE_PROFILE.optional) if (name in form) profile[name] = optionalText(form, name)?.trim() ?? null;
  return profile;
}

function userIds(form: FormInput) {
  const userId = idParam(text(form, "userId"));
  return { userId, base: `${USERS}/${userId}` };
}

function lifecycle(operation: AdminOperation, action: string, notice: string): DashboardAction {
  return async (call, form) => {
    const { userId, base } = userIds(form);
    return outcome(await run(call, operation, { path: `${base}/lifecycle/${action}`, method: "POST", params: { userId } }), notice);
  };
}

/** Ends the sessions and logs user.session.clear in one transaction: the sessions end with their events or not at all. */
async function endSessions(call: AdminCall, user: { id: string; login: string }, sessionIds: string[]) {
  const now = call.app.now();
  await call.app.db.$transaction(async (tx) => {
    for (const id of sessionIds) await endSessionInTransaction(tx, id, now, { client: call.client, debug: { via: "admin_dashboard", adminId: call.admin.userId } });
    await appendSystemLog(
      tx,
      {
        eventType: "user.session.clear",
        displayMessage: `Ended ${sessionIds.length} session(s) of user ${user.login}`,
        actor: { id: call.admin.userId, type: "User", alternateId: call.admin.login, displayName: call.admin.displayName },
        client: { ipAddress: call.client.ipAddress, userAgent: call.client.userAgent },
        outcome: { result: "SUCCESS" },
        target: [{ id: user.id, type: "User", alternateId: user.login }],
        debugContext: { source: "dashboard" },
      },
      now,
    );
  });
}

export const userActions: Record<string, DashboardAction> = {
  "user.create": async (call, form) => {
    const password = text(form, "password");
    const body = {
      profile: profileFrom(form),
      ...(password ? { credentials: { password: { value: password } } } : {}),
      ...(values(form, "groupIds").length ? { groupIds: values(form, "groupIds") } : {}),
    };
    const result = await run(call, createUser, { path: USERS, method: "POST", query: { activate: checked(form, "activate") ? "true" : "false" }, body });
    return outcome(result, `Created user ${result.ok ? result.body.profile.login : ""} (${result.ok ? result.body.status : ""}).`, result.ok ? `/admin/users/${result.body.id}` : undefined);
  },
  "user.update": async (call, form) => {
    const { userId, base } = userIds(form);
    return outcome(await run(call, updateUser, { path: base, method: "POST", params: { userId }, body: { profile: profileFrom(form) } }), "Saved the user's profile.");
  },
  "user.setPassword": async (call, form) => {
    const { userId, base } = userIds(form);
    const password = text(form, "password");
    if (password !== text(form, "confirmPassword")) return invalid("The passwords do not match.", ["confirmPassword: Type the same password twice."]);
    return outcome(await run(call, updateUser, { path: base, method: "POST", params: { userId }, body: { credentials: { password: { value: password } } } }), "Set a new password.");
  },
  "user.activate": lifecycle(activateUser, "activate", "Activated the user."),
  "user.suspend": lifecycle(suspendUser, "suspend", "Suspended the user: their sessions and tokens are revoked."),
  "user.unsuspend": lifecycle(unsuspendUser, "unsuspend", "Unsuspended the user."),
  "user.unlock": lifecycle(unlockUser, "unlock", "Unlocked the user."),
  "user.deactivate": lifecycle(deactivateUser, "deactivate", "Deactivated the user: their sessions and tokens are revoked."),
  "user.delete": async (call, form) => {
    const { userId, base } = userIds(form);
    return outcome(await run(call, deleteUser, { path: base, method: "DELETE", params: { userId } }), "Deleted the user.", "/admin/users");
  },
  "user.addGroup": async (call, form) => {
    const { userId } = userIds(form);
    const groupId = idParam(text(form, "groupId"));
    return outcome(await run(call, addGroupMember, { path: `/api/v1/groups/${groupId}/users/${userId}`, method: "PUT", params: { groupId, userId } }), "Added the user to the group.");
  },
  "user.removeGroup": async (call, form) => {
    const { userId } = userIds(form);
    const groupId = idParam(text(form, "groupId"));
    return outcome(await run(call, removeGroupMember, { path: `/api/v1/groups/${groupId}/users/${userId}`, method: "DELETE", params: { groupId, userId } }), "Removed the user from the group.");
  },
  "user.revokeSession": async (call, form) => {
    const { userId } = userIds(form);
    const sessionId = text(form, "sessionId");
    const session = await call.app.db.userSession.findFirst({ where: { id: sessionId, userId }, select: { id: true, user: { select: { id: true, login: true } } } });
    if (!session) return invalid("Not found: that session does not exist (it may have ended already).");
    await endSessions(call, session.user, [session.id]);
    return { ok: true, notice: "Ended the session." };
  },
  "user.revokeAllSessions": async (call, form) => {
    const { userId } = userIds(form);
    const now = call.app.now();
    const user = await call.app.db.user.findUnique({ where: { id: userId }, select: { id: true, login: true } });
    if (!user) return invalid(`Not found: Resource not found: ${userId} (User)`);
    const sessions = await call.app.db.userSession.findMany({ where: { userId, revoked: null, expiresAt: { gt: now } }, select: { id: true } });
    await endSessions(call, user, sessions.map((session) => session.id));
    return { ok: true, notice: `Ended ${sessions.length} session(s).` };
  },
};
