import type { Db } from "../db/create-db-client";
import { touchGroupMembership } from "../groups/touch-group-membership";
import { AdminApiError } from "../okta-api/admin-api-error";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { verifyPassword } from "../passwords/verify-password";
import { updateUserStatus } from "../users/update-user-status";
import { consumeUserToken } from "../user-tokens/consume-user-token";
import { findUserToken, type FoundUserToken } from "../user-tokens/find-user-token";
import type { UserTokenRefusal } from "../user-tokens/user-token-kinds";
import { consumeUserTokenRateLimit } from "../user-tokens/user-token-rate-limit";
import { logRegistrationEvent, REGISTRATION_EVENTS, type RegistrationClient } from "./registration-events";

export type VerifiedRegistration =
  | { ok: true; user: { id: string; login: string } }
  | { ok: false; reason: UserTokenRefusal }
  /** not the password chosen at registration: nothing used, the link still works */
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "rate_limited"; resetAt: Date };

/**
 * The verification link's page, before it shows the form: the EMAIL_VERIFY token as it stands
 * (unknown or of another kind, used, expired: the refusal; a user no longer an unverified
 * registration: "invalid"). Nothing is used.
 */
export async function findRegistration(db: Db, token: string | null | undefined, now: Date): Promise<{ ok: true; login: string } | { ok: false; reason: UserTokenRefusal }> {
  const found = await findUserToken(db, token, "EMAIL_VERIFY", now);
  if (!found.ok) return found;
  return isUnverified(found) ? { ok: true, login: found.user.login } : { ok: false, reason: "invalid" };
}

const isUnverified = (found: Extract<FoundUserToken, { ok: true }>) => found.user.status === "PROVISIONED" && found.user.passwordHash !== null;

/**
 * The verification link's form (the token and the password chosen at registration, so a link
 * forwarded to or opened by someone else does not finish another person's registration): uses the
 * token once and, in the same transaction, makes the user ACTIVE (activated now), adds them to the
 * org's registrationDefaultGroupIds (existing OKTA_GROUP groups; an id no longer one is skipped) and
 * writes `user.account.verify_email`, `user.lifecycle.activate` and one `group.user_membership.add`
 * per group. A listed group that carries an admin role is not joined (SKIPPED event, "the group
 * carries an admin role"): registering must never grant a role, whatever the settings say. The caller then signs the person in like after the activation link (the sign-on and
 * enrollment policies, blocklist zones). Uses are counted per client IP first (USER_TOKEN_RATE_LIMITS).
 */
export async function verifyRegistration(db: Db, input: { token: string | null | undefined; password: string; now: Date; client: RegistrationClient }): Promise<VerifiedRegistration> {
  const { now } = input;
  const limit = await consumeUserTokenRateLimit(db, input.client.ipAddress, now);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", resetAt: limit.resetAt };
  const found = await findUserToken(db, input.token, "EMAIL_VERIFY", now);
  if (!found.ok) return found;
  if (!isUnverified(found)) return { ok: false, reason: "invalid" };
  const { user } = found;
  if (!(await verifyPassword(user.passwordHash!, input.password)).ok) return { ok: false, reason: "wrong_password" };
  const { registrationDefaultGroupIds } = await readOrgSettings(db);
  const listed = registrationDefaultGroupIds.length
    ? await db.group.findMany({ where: { id: { in: registrationDefaultGroupIds }, type: "OKTA_GROUP" }, select: { id: true, name: true, _count: { select: { roleAssignments: true } } } })
    : [];
  // a group carrying an admin role is never joined this way (an ORG_ADMIN listing the super administrators' group must not make a registrant one)
  const groups = listed.filter((group) => group._count.roleAssignments === 0);
  const skipped = listed.filter((group) => group._count.roleAssignments > 0);
  try {
    const claimed = await db.$transaction(async (tx) => {
      if (!(await consumeUserToken(tx, { tokenHash: found.tokenHash, kind: "EMAIL_VERIFY", now }))) return false;
      await updateUserStatus(tx, user, { status: "ACTIVE", activated: now, statusChanged: now, transitioningToStatus: null, lastUpdated: now });
      const event = { user, result: "SUCCESS" as const, client: input.client };
      await logRegistrationEvent(tx, { ...event, eventType: REGISTRATION_EVENTS.verifyEmail, displayMessage: "User verified their email address" }, now);
      await logRegistrationEvent(tx, { ...event, eventType: REGISTRATION_EVENTS.activate, displayMessage: "Activate user (self-service registration)", debug: { previousStatus: user.status } }, now);
      for (const group of groups) {
        await tx.groupMembership.create({ data: { groupId: group.id, userId: user.id, created: now } });
        await touchGroupMembership(tx, group.id, now);
        await logRegistrationEvent(tx, { ...event, eventType: REGISTRATION_EVENTS.groupAdd, displayMessage: "Add user to group membership", targets: [{ id: group.id, type: "UserGroup", alternateId: group.name }] }, now);
      }
      for (const group of skipped) {
        await logRegistrationEvent(
          tx,
          { ...event, result: "SKIPPED", reason: "the group carries an admin role", eventType: REGISTRATION_EVENTS.groupAdd, displayMessage: "Add user to group membership", targets: [{ id: group.id, type: "UserGroup", alternateId: group.name }] },
          now,
        );
      }
      return true;
    });
    if (!claimed) {
      const again = await findUserToken(db, input.token, "EMAIL_VERIFY", now);
      return { ok: false, reason: again.ok ? "used" : again.reason };
    }
  } catch (error) {
    // updateUserStatus: an administrator changed the user meanwhile (E0000038); nothing was written
    if (error instanceof AdminApiError && error.errorCode === "E0000038") return { ok: false, reason: "invalid" };
    throw error;
  }
  return { ok: true, user: { id: user.id, login: user.login } };
}
