import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { firstNameOf } from "../mail/mail-recipient";
import { queueMail } from "../mail/queue-mail";
import { revokeHolderGrants } from "../oauth/tokens/revoke-holder-grants";
import { checkPasswordPolicy, type PasswordViolation } from "../passwords/check-password-policy";
import { hashPassword } from "../passwords/hash-password";
import type { EndSessionContext } from "../sessions/end-session";
import { endOtherSessionsInTransaction } from "../sessions/end-user-sessions";

export type OwnPasswordChanged = {
  user: { id: string; login: string };
  /** the other sessions ended (none when the org keeps them) */
  sessionIds: string[];
  /** whether the user's grants (refresh tokens, their access tokens, unused codes) were revoked */
  grantsRevoked: boolean;
};

export type OwnPasswordOutcome = { ok: true; changed: OwnPasswordChanged } | { ok: false; reason: "policy"; violations: PasswordViolation[] } | { ok: false; reason: "gone" };

/**
 * A signed-in user sets a new password (My Account), after the caller checked the current one
 * (lib/signin verifyCurrentPassword: the sign-in limits and lockout). The password policy is checked
 * against the login (violations come back, the password never). In one transaction: the new hash
 * and passwordChanged (only while the user is ACTIVE); when `endOtherSessions` (the org setting
 * passwordChangeEndsSessions) every other live session ends (user.session.end each) and every grant
 * of the user is revoked (revokeHolderGrants: refresh tokens with their access tokens, unused
 * codes), as a stolen password's sessions and tokens should not outlive its change; the
 * `password-changed` email is queued; `record` runs last. The current session is kept.
 */
export async function changeOwnPassword(
  db: Db,
  input: { userId: string; newPassword: string; currentSessionId: string; endOtherSessions: boolean; locale: string; orgUrl: string; context: EndSessionContext; now: Date },
  record: RecordChange<OwnPasswordChanged>,
): Promise<OwnPasswordOutcome> {
  const { now } = input;
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, login: true, email: true, profile: true, status: true } });
  if (!user || user.status !== "ACTIVE") return { ok: false, reason: "gone" };
  const violations = checkPasswordPolicy(input.newPassword, user.login);
  if (violations.length > 0) return { ok: false, reason: "policy", violations };
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const saved = await tx.user.updateMany({ where: { id: user.id, status: "ACTIVE" }, data: { passwordHash, passwordChanged: now, lastUpdated: now } });
    if (saved.count !== 1) return { ok: false, reason: "gone" } as const;
    const sessionIds = input.endOtherSessions ? await endOtherSessionsInTransaction(tx, { userId: user.id, exceptSessionId: input.currentSessionId, now, context: input.context }) : [];
    if (input.endOtherSessions) await revokeHolderGrants(tx, { userId: user.id }, now);
    await queueMail(tx, { to: user.email, userId: user.id, template: "password-changed", variables: { firstName: firstNameOf(user), when: now }, locale: input.locale }, { now, orgUrl: input.orgUrl });
    const changed: OwnPasswordChanged = { user: { id: user.id, login: user.login }, sessionIds, grantsRevoked: input.endOtherSessions };
    await record(tx, changed);
    return { ok: true, changed } as const;
  });
}
