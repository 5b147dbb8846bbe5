import type { Db } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { revokeUserGrants } from "../oauth/tokens/revoke-user-grants";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { findUser } from "../users/find-user";
import { updateUserStatus, type UserStatusChange } from "../users/update-user-status";
import { statusNotAllowedError } from "../users/user-errors";
import { recipientOf } from "./issue-activation";
import { issueUserToken } from "./issue-user-token";
import { mailUser } from "./mail-user";
import { userTokenUrls } from "./user-token-kinds";

const RESETTABLE = new Set(["ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY"]);

/**
 * POST /api/v1/users/:id/lifecycle/reset_password (Okta): the user becomes RECOVERY (no sign-in with
 * the old password, no self-service recovery, until they choose a new one) and gets a new recovery
 * token (the org's recoveryTokenLifetimeMinutes; the previous one stops working). With `sendEmail`
 * the password-reset email is queued; with `revokeSessions` their sessions end and their refresh
 * tokens are revoked; all in one transaction with the caller's record. Returns Okta's
 * `resetPasswordUrl` (`{ORG_URL}/signin/reset-password/{token}`). STAGED, PROVISIONED (activate
 * instead), SUSPENDED, DEPROVISIONED users: 403 E0000038.
 */
export async function resetPasswordByAdmin(
  db: Db,
  input: { userId: string; sendEmail: boolean; revokeSessions: boolean; orgUrl: string; now: Date },
  record: RecordChange<UserStatusChange>,
): Promise<{ resetPasswordUrl: string }> {
  const user: User = await findUser(db, input.userId);
  if (!RESETTABLE.has(user.status)) {
    const instead = user.status === "PROVISIONED" || user.status === "STAGED" ? " Activate it instead: the activation link sets the first password." : "";
    throw statusNotAllowedError(`Only an ACTIVE, LOCKED_OUT, PASSWORD_EXPIRED or RECOVERY user's password can be reset; this user is ${user.status}.${instead}`);
  }
  const { now } = input;
  const lifetimeMs = (await readOrgSettings(db)).recoveryTokenLifetimeMinutes * 60_000;
  return db.$transaction(async (tx) => {
    await updateUserStatus(tx, user, { status: "RECOVERY", ...(user.status !== "RECOVERY" ? { statusChanged: now } : {}), lastUpdated: now });
    const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind: "RECOVERY", lifetimeMs, now });
    const resetPasswordUrl = userTokenUrls.resetPassword(input.orgUrl, token);
    if (input.revokeSessions) await revokeUserGrants(tx, user.id, now);
    if (input.sendEmail) await mailUser(tx, recipientOf(user), "password-reset", { resetUrl: resetPasswordUrl, expiresAt }, { now, orgUrl: input.orgUrl });
    await record(tx, { user, status: "RECOVERY" });
    return { resetPasswordUrl };
  });
}
