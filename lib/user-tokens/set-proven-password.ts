import type { Db } from "../db/create-db-client";
import type { InTransaction } from "../db/record-change";
import { revokeUserGrants } from "../oauth/tokens/revoke-user-grants";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { checkPasswordPolicy, type PasswordViolation } from "../passwords/check-password-policy";
import { hashPassword } from "../passwords/hash-password";
import { verifyPassword } from "../passwords/verify-password";
import { AdminApiError } from "../okta-api/admin-api-error";
import { updateUserStatus } from "../users/update-user-status";
import { mailUser, type MailRecipient } from "./mail-user";
import { logUserEvent, USER_TOKEN_EVENTS, type EventClient } from "./user-token-events";

/**
 * Why a person sets a password after proving who they are:
 * - activation: the welcome link (the user is PROVISIONED, or RECOVERY after a reactivation);
 * - recovery: a recovery link or the authn PASSWORD_RESET state (ACTIVE, LOCKED_OUT, PASSWORD_EXPIRED
 *   or RECOVERY: a reset unlocks and ends an expiry, as in Okta);
 * - expired: the sign-in's "your password has expired" step (PASSWORD_EXPIRED, the old password given).
 */
export type PasswordPurpose = "activation" | "recovery" | "expired";

const FROM: Record<PasswordPurpose, ReadonlySet<string>> = {
  activation: new Set(["PROVISIONED", "RECOVERY"]),
  recovery: new Set(["ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED", "RECOVERY"]),
  expired: new Set(["PASSWORD_EXPIRED"]),
};

/** Whether a user in `status` may set a password for `purpose` (before any token is used). */
export function maySetPassword(purpose: PasswordPurpose, status: string): boolean {
  return FROM[purpose].has(status);
}

export type ProvenPasswordResult =
  | { ok: true; user: MailRecipient }
  /** the new password breaks the policy (nothing used, nothing changed) */
  | { ok: false; reason: "policy"; violations: PasswordViolation[] }
  /** the new password is the current one (an expired password must change) */
  | { ok: false; reason: "unchanged" }
  /** the proof (token, stateToken) was used or expired meanwhile, or the user's status does not allow it: nothing changed */
  | { ok: false; reason: "claimed" | "status" };

/**
 * Sets the password a person chose once they proved who they are, in one transaction:
 * - the password policy first (checkPasswordPolicy against the login); a recovery or an expiry must
 *   choose another password than the current one ("unchanged"); then argon2id;
 * - `claim(tx)` uses the proof once (the token's conditional update, the stateToken's move): false,
 *   and nothing is written;
 * - the user, still in the status it was read in, becomes ACTIVE with the new password, the failed
 *   sign-in count and lockout cleared (updateUserStatus: a concurrent lifecycle change wins);
 * - recovery: with the org setting endSessionsOnPasswordReset (default on) every session of the
 *   user ends and every refresh token and grant is revoked (revokeUserGrants); the caller's new
 *   session, if any, starts after this;
 * - recovery and expired: a "password changed" email is queued;
 * - the System Log event, actor and target the user.
 */
export async function setProvenPassword(
  db: Db,
  input: {
    user: MailRecipient & { status: string; passwordHash?: string | null };
    password: string;
    purpose: PasswordPurpose;
    now: Date;
    client: EventClient;
    acceptLanguage?: string | null;
    /** the org's URL (AppContext.orgUrl): the email's logo */
    orgUrl: string;
    claim: (tx: InTransaction) => Promise<boolean>;
    /** what the event's debugContext says of the way (e.g. { via: "hosted_page" }) */
    debug?: Record<string, unknown>;
  },
): Promise<ProvenPasswordResult> {
  const { user, password, purpose, now } = input;
  if (!maySetPassword(purpose, user.status)) return { ok: false, reason: "status" };
  const violations = checkPasswordPolicy(password, user.login);
  if (violations.length) return { ok: false, reason: "policy", violations };
  if (purpose !== "activation" && user.passwordHash && (await verifyPassword(user.passwordHash, password)).ok) return { ok: false, reason: "unchanged" };
  const endSessions = purpose === "recovery" && (await readOrgSettings(db)).endSessionsOnPasswordReset;
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      if (!(await input.claim(tx))) return { ok: false as const, reason: "claimed" as const };
      await updateUserStatus(tx, user, {
        status: "ACTIVE",
        passwordHash,
        passwordChanged: now,
        ...(user.status !== "ACTIVE" ? { statusChanged: now } : {}),
        ...(purpose === "activation" ? { activated: now } : {}),
        transitioningToStatus: null,
        failedAttempts: 0,
        lastFailedAttempt: null,
        lockedOut: null,
        lastUpdated: now,
      });
      if (endSessions) await revokeUserGrants(tx, user.id, now);
      if (purpose !== "activation") await mailUser(tx, user, "password-changed", { when: now }, { now, orgUrl: input.orgUrl, acceptLanguage: input.acceptLanguage });
      const event = {
        activation: { eventType: USER_TOKEN_EVENTS.activate, displayMessage: "User activated their account and set a password" },
        recovery: { eventType: USER_TOKEN_EVENTS.resetPassword, displayMessage: "User reset their password with a recovery token" },
        expired: { eventType: USER_TOKEN_EVENTS.updatePassword, displayMessage: "User changed their expired password" },
      }[purpose];
      await logUserEvent(tx, { ...event, user, result: "SUCCESS", client: input.client, debug: { ...input.debug, previousStatus: user.status, ...(purpose === "recovery" ? { sessionsEnded: endSessions } : {}) } }, now);
      return { ok: true as const, user };
    });
  } catch (error) {
    // updateUserStatus: the user's status changed while this ran (E0000038); nothing was written
    if (error instanceof AdminApiError && error.errorCode === "E0000038") return { ok: false, reason: "status" };
    throw error;
  }
}
