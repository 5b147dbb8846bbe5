import { runAddGroupMember } from "../../admin/groups/add-group-member";
import { runRemoveGroupMember } from "../../admin/groups/remove-group-member";
import { runActivateUser } from "../../admin/users/activate-user";
import { runCreateUser } from "../../admin/users/create-user";
import { runDeactivateUser } from "../../admin/users/deactivate-user";
import { runDeleteUser } from "../../admin/users/delete-user";
import { runExpireUserPassword } from "../../admin/users/expire-user-password";
import { runResetUserPassword } from "../../admin/users/reset-user-password";
import { runEndUserSession, runEndUserSessions } from "../../admin/users/end-user-sessions";
import { runSuspendUser } from "../../admin/users/suspend-user";
import { runUnlockUser } from "../../admin/users/unlock-user";
import { runUnsuspendUser } from "../../admin/users/unsuspend-user";
import { runUpdateUser } from "../../admin/users/update-user";
import type { OperationContext } from "../../admin/admin-request";
import { callOperation } from "../call-operation";
import { checked, optionalText, text, values, type FormInput } from "../form-input";
import { failure, idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

/** The profile attributes the dashboard edits; blank optional ones are cleared (null). */
export const EDITABLE_PROFILE = {
  required: ["login", "email", "firstName", "lastName"],
  optional: ["mobilePhone", "title", "department", "locale", "timezone"],
} as const;

function profileFrom(form: FormInput): Record<string, string | null> {
  const profile: Record<string, string | null> = {};
  for (const name of EDITABLE_PROFILE.required) profile[name] = text(form, name).trim();
  for (const name of EDITABLE_PROFILE.optional) if (name in form) profile[name] = optionalText(form, name)?.trim() ?? null;
  return profile;
}

const userId = (form: FormInput) => idParam(text(form, "userId"));
const groupId = (form: FormInput) => idParam(text(form, "groupId"));

function lifecycle(operation: (ctx: OperationContext, userId: string) => Promise<unknown>, notice: string): DashboardAction {
  return async (call, form) => outcome(await callOperation(call, (ctx) => operation(ctx, userId(form))), notice);
}

export const userActions: Record<string, DashboardAction> = {
  "user.create": async (call, form) => {
    const password = text(form, "password");
    const body = {
      profile: profileFrom(form),
      ...(password ? { credentials: { password: { value: password } } } : {}),
      ...(values(form, "groupIds").length ? { groupIds: values(form, "groupIds") } : {}),
    };
    const result = await callOperation(call, (ctx) => runCreateUser(ctx, () => ({ activate: checked(form, "activate"), body })));
    return outcome(result, (user) => `Created user ${user.profile.login} (${user.status}).`, (user) => `/admin/users/${user.id}`);
  },
  "user.update": async (call, form) => outcome(await callOperation(call, (ctx) => runUpdateUser(ctx, userId(form), () => ({ profile: profileFrom(form) }))), "Saved the user's profile."),
  "user.setPassword": async (call, form) => {
    const password = text(form, "password");
    if (password !== text(form, "confirmPassword")) return invalid("The passwords do not match.", ["confirmPassword: Type the same password twice."]);
    return outcome(await callOperation(call, (ctx) => runUpdateUser(ctx, userId(form), () => ({ credentials: { password: { value: password } } }))), "Set a new password.");
  },
  // The reset link goes to the user by email only (the development outbox in development): the
  // dashboard never shows it, a link that takes over the account (sendEmail=false is the API's).
  "user.resetPassword": async (call, form) =>
    outcome(
      await callOperation(call, (ctx) => runResetUserPassword(ctx, userId(form), { sendEmail: true, revokeSessions: checked(form, "revokeSessions") })),
      "Sent the user a password reset email: their account is in recovery until they choose a new password.",
    ),
  "user.expirePassword": lifecycle(runExpireUserPassword, "Expired the user's password: they must choose a new one at their next sign-in."),
  "user.activate": lifecycle(runActivateUser, "Activated the user."),
  "user.suspend": lifecycle(runSuspendUser, "Suspended the user: their sessions and tokens are revoked."),
  "user.unsuspend": lifecycle(runUnsuspendUser, "Unsuspended the user."),
  "user.unlock": lifecycle(runUnlockUser, "Unlocked the user."),
  "user.deactivate": lifecycle(runDeactivateUser, "Deactivated the user: their sessions and tokens are revoked."),
  "user.delete": async (call, form) => outcome(await callOperation(call, (ctx) => runDeleteUser(ctx, userId(form))), "Deleted the user.", "/admin/users"),
  "user.addGroup": async (call, form) => outcome(await callOperation(call, (ctx) => runAddGroupMember(ctx, groupId(form), userId(form))), "Added the user to the group."),
  "user.removeGroup": async (call, form) => outcome(await callOperation(call, (ctx) => runRemoveGroupMember(ctx, groupId(form), userId(form))), "Removed the user from the group."),
  "user.revokeSession": async (call, form) => {
    const ended = await callOperation(call, (ctx) => runEndUserSession(ctx, userId(form), text(form, "sessionId")));
    if (!ended.ok) return failure(ended);
    return ended.value ? { ok: true, notice: "Ended the session." } : invalid("Not found: that session does not exist (it may have ended already).");
  },
  "user.revokeAllSessions": async (call, form) => outcome(await callOperation(call, (ctx) => runEndUserSessions(ctx, userId(form))), (count) => `Ended ${count} session(s).`),
};
