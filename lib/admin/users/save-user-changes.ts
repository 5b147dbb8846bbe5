import { asJson } from "../../db/as-json";
import type { User } from "../../db/generated/sqlite/client";
import { hashPassword } from "../../passwords/hash-password";
import type { OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertLoginFree } from "./assert-login-free";
import { findUser } from "./find-user";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { assertPasswordPolicy, duplicateLoginError } from "./user-errors";
import type { UserProfile } from "./user-input";
import { userJson } from "./user-json";
import { userLogTargets } from "./user-log-targets";

/** A password set by an administrator ends these states (the user has a usable password again). */
const CLEARED_BY_NEW_PASSWORD = new Set(["PASSWORD_EXPIRED", "RECOVERY"]);

/**
 * Writes a validated profile (null: unchanged) and/or a new password (null: unchanged) for POST and
 * PUT /api/v1/users/:userId -> 200 User. A changed login must stay unique (ignoring case); the
 * password policy is checked against the login the user will have. A password set here is the
 * administrator's "set password" (Okta's way; no old password needed): passwordChanged moves, a
 * PASSWORD_EXPIRED or RECOVERY user becomes ACTIVE, sessions are kept (as Okta does).
 */
export async function saveUserChanges(ctx: OperationContext, user: User, profile: UserProfile | null, password: string | null) {
  const login = profile?.login ?? user.login;
  const loginChanges = login.toLowerCase() !== user.loginLower;
  if (loginChanges) await assertLoginFree(ctx.db, login, user.id);
  if (password !== null) assertPasswordPolicy(password, login);
  if (profile === null && password === null) return userJson(ctx.orgUrl, user);
  const passwordHash = password === null ? null : await hashPassword(password);

  const now = ctx.now();
  const reactivates = passwordHash !== null && CLEARED_BY_NEW_PASSWORD.has(user.status);
  let updated: User;
  try {
    updated = await ctx.db.$transaction(async (tx) => {
      if (loginChanges) await assertLoginFree(tx, login, user.id);
      const saved = await tx.user.update({
        where: { id: user.id },
        data: {
          ...(profile
            ? { profile: asJson(profile), login: profile.login, loginLower: profile.login.toLowerCase(), email: profile.email, emailLower: profile.email.toLowerCase() }
            : {}),
          ...(passwordHash ? { passwordHash, passwordChanged: now } : {}),
          ...(reactivates ? { status: "ACTIVE", statusChanged: now } : {}),
          lastUpdated: now,
        },
      });
      const targets = userLogTargets(saved);
      if (profile) await audit(tx, ctx, "user.account.update_profile", "Update user profile for Okta", targets, loginChanges ? { previousLogin: user.login } : undefined);
      if (passwordHash) await audit(tx, ctx, "user.account.update_password", "Update password for Okta user (set by an administrator)", targets);
      return saved;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateLoginError();
    if (code === "P2025") await findUser(ctx.db, user.id); // deleted meanwhile: 404
    throw error;
  }
  return userJson(ctx.orgUrl, updated);
}
