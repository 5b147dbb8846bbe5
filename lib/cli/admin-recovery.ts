import { assignRole } from "../admin-roles/assign-role";
import { loadUserAdminRoles } from "../admin-roles/load-admin-roles";
import { findRoleAssignee } from "../admin-roles/role-assignee";
import { AdminApiError } from "../okta-api/admin-api-error";
import { createApiToken } from "../api-tokens/create-api-token";
import type { Db } from "../db/create-db-client";
import { generatePassword } from "../passwords/generate-password";
import { appendSystemLog, type LogActor } from "../system-log/write-system-log";
import { findUser } from "../users/find-user";
import { saveUserChanges } from "../users/save-user-changes";
import { unlockUser } from "../users/unlock-user";

/** The System Log actor of a change made at the server's console (`npm run admin`). */
export const CLI_ACTOR: LogActor = { id: "admin-cli", type: "SystemPrincipal", alternateId: "npm run admin", displayName: "Server console" };

/** A refusal the console prints as one line (exit status 1); anything else is a bug and prints its stack. */
export class RecoveryRefusal extends Error {}

function userTarget(user: { id: string; login: string }) {
  return [{ id: user.id, type: "User", alternateId: user.login }];
}

async function findByLogin(db: Db, login: string) {
  try {
    return await findUser(db, login);
  } catch {
    throw new RecoveryRefusal(`No user has the login or id "${login}".`);
  }
}

/**
 * Recovery when every admin password is lost: sets a generated password for the user (returned
 * once, never stored in clear), unlocks a LOCKED_OUT user, and logs `user.account.reset_password`
 * with the console as actor, in the write's transaction. A user that cannot sign in anyway
 * (STAGED, PROVISIONED, SUSPENDED, DEPROVISIONED) is refused: activate or unsuspend it first.
 */
export async function resetPasswordFromConsole(db: Db, login: string, now: Date, random?: (size: number) => Buffer): Promise<{ login: string; password: string }> {
  const user = await findByLogin(db, login);
  if (!["ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY"].includes(user.status)) {
    throw new RecoveryRefusal(`${user.login} is ${user.status}: only an ACTIVE, LOCKED_OUT, PASSWORD_EXPIRED or RECOVERY user can be given a new password here.`);
  }
  const password = generatePassword(random);
  const saved = await saveUserChanges(db, { user, profile: null, password, now }, (tx, written) =>
    appendSystemLog(tx, { eventType: "user.account.reset_password", displayMessage: "Reset password at the server console", actor: CLI_ACTOR, outcome: { result: "SUCCESS" }, target: userTarget(written) }, now),
  );
  if (saved.status === "LOCKED_OUT" || saved.failedAttempts > 0) {
    await unlockUser(db, { userId: saved.id, now }, (tx) =>
      appendSystemLog(tx, { eventType: "user.account.unlock", displayMessage: "Unlock user account at the server console", actor: CLI_ACTOR, outcome: { result: "SUCCESS" }, target: userTarget(saved) }, now),
    );
  }
  return { login: saved.login, password };
}

/**
 * Recovery when every API token is lost: a new SSWS token owned by an ACTIVE admin (the management
 * API accepts no other owner), returned once; `system.api_token.create` is logged by createApiToken.
 */
export async function createApiTokenFromConsole(db: Db, login: string, now: Date): Promise<{ login: string; token: string; name: string }> {
  const user = await findByLogin(db, login);
  if ((await loadUserAdminRoles(db, user.id)).length === 0) throw new RecoveryRefusal(`${user.login} is not an administrator: the management API accepts tokens of administrators only.`);
  if (user.status !== "ACTIVE") throw new RecoveryRefusal(`${user.login} is ${user.status}: reset the password first (npm run admin -- reset-password ${user.login}).`);
  const name = `Recovery token (server console, ${now.toISOString().slice(0, 10)})`;
  const { token } = await createApiToken(db, { name, userId: user.id, clientName: "Server console" }, now);
  return { login: user.login, token, name };
}

/**
 * Recovery when no one can assign roles any more (every super administrator locked out for good,
 * or removed straight in the database): assigns SUPER_ADMIN to an ACTIVE user and logs
 * `user.account.privilege.grant` with the console as actor, in the write's transaction.
 */
export async function grantSuperAdminFromConsole(db: Db, login: string, now: Date): Promise<{ login: string }> {
  const user = await findByLogin(db, login);
  if (user.status !== "ACTIVE") throw new RecoveryRefusal(`${user.login} is ${user.status}: only an ACTIVE user can be made a super administrator here.`);
  const assignee = await findRoleAssignee(db, { type: "USER", id: user.id });
  try {
    await assignRole(db, { assignee, type: "SUPER_ADMIN", now }, (tx) =>
      appendSystemLog(
        tx,
        { eventType: "user.account.privilege.grant", displayMessage: "Grant Super Administrator at the server console", actor: CLI_ACTOR, outcome: { result: "SUCCESS" }, target: userTarget(user), debugContext: { privilegeGranted: "Super Administrator" } },
        now,
      ),
    );
  } catch (error) {
    if (error instanceof AdminApiError && error.status === 409) throw new RecoveryRefusal(`${user.login} is a super administrator already.`);
    throw error;
  }
  return { login: user.login };
}
