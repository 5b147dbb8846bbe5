import type { Db } from "../db/create-db-client";
import { asJson } from "../db/as-json";
import type { User } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { hashPassword } from "../passwords/hash-password";
import { assertLoginFree } from "./assert-login-free";
import { findUser } from "./find-user";
import { assertPasswordPolicy, duplicateLoginError } from "./user-errors";
import type { UserProfileToStore } from "./user-profile";

/** A password set by an administrator ends these states (the user has a usable password again). */
const CLEARED_BY_NEW_PASSWORD = new Set(["PASSWORD_EXPIRED", "RECOVERY"]);

export type UserChanges = {
  /** the user as read */
  user: User;
  /** a validated profile replacing the stored one; null: unchanged */
  profile: UserProfileToStore | null;
  /** a new password; null: unchanged */
  password: string | null;
  now: Date;
};

/**
 * Writes a new profile and/or password; `record` gets the saved user. With neither, nothing is
 * written or recorded and the user is returned as read. A changed login must stay unique (ignoring
 * case: E0000001); the password policy is checked against the login the user will have. A password
 * set here is the administrator's "set password" (Okta's way; no old password needed):
 * passwordChanged moves, a PASSWORD_EXPIRED or RECOVERY user becomes ACTIVE, sessions are kept (as
 * Okta does). A user deleted meanwhile: 404.
 */
export async function saveUserChanges(db: Db, changes: UserChanges, record: RecordChange<User>): Promise<User> {
  const { user, profile, password, now } = changes;
  const login = profile?.login ?? user.login;
  const loginChanges = login.toLowerCase() !== user.loginLower;
  if (loginChanges) await assertLoginFree(db, login, user.id);
  if (password !== null) assertPasswordPolicy(password, login);
  if (profile === null && password === null) return user;
  const passwordHash = password === null ? null : await hashPassword(password);

  const reactivates = passwordHash !== null && CLEARED_BY_NEW_PASSWORD.has(user.status);
  try {
    return await db.$transaction(async (tx) => {
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
      await record(tx, saved);
      return saved;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateLoginError();
    if (code === "P2025") await findUser(db, user.id); // deleted meanwhile: 404
    throw error;
  }
}
