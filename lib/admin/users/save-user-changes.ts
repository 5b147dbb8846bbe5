import type { User } from "../../db/generated/sqlite/client";
import { saveUserChanges as save } from "../../users/save-user-changes";
import type { OperationContext } from "../admin-request";
import { audit } from "../audit";
import type { UserProfile } from "./user-input";
import { userJson } from "./user-json";
import { userLogTargets } from "./user-log-targets";

/**
 * Writes a validated profile (null: unchanged) and/or a new password (null: unchanged) for POST and
 * PUT /api/v1/users/:userId -> 200 User (the rules: lib/users/save-user-changes.ts), logging
 * user.account.update_profile and user.account.update_password for what was set.
 */
export async function saveUserChanges(ctx: OperationContext, user: User, profile: UserProfile | null, password: string | null) {
  const saved = await save(ctx.db, { user, profile, password, now: ctx.now() }, async (tx, written) => {
    const targets = userLogTargets(written);
    const loginChanged = written.loginLower !== user.loginLower;
    if (profile) await audit(tx, ctx, "user.account.update_profile", "Update user profile", targets, loginChanged ? { previousLogin: user.login } : undefined);
    if (password !== null) await audit(tx, ctx, "user.account.update_password", "Update password for user (set by an administrator)", targets);
  });
  return userJson(ctx.orgUrl, saved);
}
