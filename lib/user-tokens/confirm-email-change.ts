import type { Db, DbTx } from "../db/create-db-client";
import { asJson } from "../db/as-json";
import type { RecordChange } from "../db/record-change";
import { consumeUserToken } from "./consume-user-token";
import { findUserToken } from "./find-user-token";
import { mailUser } from "./mail-user";
import type { UserTokenRefusal } from "./user-token-kinds";
import { consumeUserTokenRateLimit } from "./user-token-rate-limit";

/**
 * Why an email-change link does nothing: unknown, another kind, used or expired (UserTokenRefusal);
 * `otherUser`: the signed-in user is not the one who asked (the link proves the address, the
 * session proves who confirms: both are needed); `taken`: another account uses the address now.
 */
export type EmailChangeRefusal = UserTokenRefusal | "otherUser" | "taken";

export type EmailChangeLink = { ok: true; newEmail: string } | { ok: false; reason: EmailChangeRefusal };

export type EmailChanged = { user: { id: string; login: string }; previousEmail: string; newEmail: string };

export type EmailChangeConfirmation = { ok: true; changed: EmailChanged } | { ok: false; reason: EmailChangeRefusal } | { ok: false; reason: "rateLimited"; resetAt: Date };

/**
 * Whether another user has `address` as login or primary email (ignoring case). Okta lets emails
 * repeat; self-service is stricter: an address that is someone's username, or someone else's
 * email, would make "sign in / forgot password with this address" reach another account (and
 * recovery by email works only for an address one user has, requestPasswordRecovery).
 */
async function addressTaken(db: Db | DbTx, address: string, userId: string): Promise<boolean> {
  const key = address.toLowerCase();
  const other = await db.user.findFirst({ where: { id: { not: userId }, OR: [{ loginLower: key }, { emailLower: key }] }, select: { id: true } });
  return other !== null;
}

/**
 * What an email-change link is for the signed-in user `userId`, without using it (the confirm page
 * shows its button only for a usable one): its address, or why it does nothing.
 */
export async function inspectEmailChange(db: Db, input: { token: string | null | undefined; userId: string; now: Date }): Promise<EmailChangeLink> {
  const link = await usableLink(db, input);
  return link.ok ? { ok: true, newEmail: link.newEmail } : link;
}

async function usableLink(db: Db, input: { token: string | null | undefined; userId: string; now: Date }) {
  const found = await findUserToken(db, input.token, "EMAIL_CHANGE", input.now);
  if (!found.ok) return found;
  const newEmail = found.newEmail;
  if (!newEmail || found.user.status !== "ACTIVE") return { ok: false as const, reason: "invalid" as const };
  if (found.user.id !== input.userId) return { ok: false as const, reason: "otherUser" as const };
  if (await addressTaken(db, newEmail, found.user.id)) return { ok: false as const, reason: "taken" as const };
  return { ok: true as const, newEmail, tokenHash: found.tokenHash, user: found.user };
}

/**
 * The signed-in user confirms an email-change link (My Account, a POST: a mail scanner's GET of
 * the link changes nothing). Uses per client IP are counted first (USER_TOKEN_RATE_LIMITS). The
 * token must be a live EMAIL_CHANGE token of this very user (another user's: "otherUser", the token
 * stays usable for its owner) and the address free (addressTaken). Then in one transaction: the
 * address checked again, the token used once (consumeUserToken: a second confirm is "used"), the
 * user's `email` and `profile.email` set (the login stays as it is, as in Okta, even when it was the
 * old address), the user's unused recovery links (mailed to the old address) deleted, the
 * `email-changed` notice queued to the OLD address, and `record` runs. Sessions
 * and tokens are kept (the person proved both the session and the new mailbox).
 */
export async function confirmEmailChange(
  db: Db,
  input: { token: string | null | undefined; userId: string; now: Date; ipAddress: string | null; acceptLanguage?: string | null; orgUrl: string },
  record: RecordChange<EmailChanged>,
): Promise<EmailChangeConfirmation> {
  const { now } = input;
  const limit = await consumeUserTokenRateLimit(db, input.ipAddress, now);
  if (!limit.allowed) return { ok: false, reason: "rateLimited", resetAt: limit.resetAt };
  const link = await usableLink(db, input);
  if (!link.ok) return link;
  const { user, newEmail, tokenHash } = link;
  return db.$transaction(async (tx): Promise<EmailChangeConfirmation> => {
    if (await addressTaken(tx, newEmail, user.id)) return { ok: false, reason: "taken" };
    if (!(await consumeUserToken(tx, { tokenHash, kind: "EMAIL_CHANGE", now }))) return { ok: false, reason: "used" };
    const current = await tx.user.findUnique({ where: { id: user.id }, select: { status: true, email: true, profile: true } });
    if (!current || current.status !== "ACTIVE") throw new EmailChangeAbort();
    const profile = (current.profile && typeof current.profile === "object" && !Array.isArray(current.profile) ? current.profile : {}) as Record<string, unknown>;
    await tx.user.update({ where: { id: user.id }, data: { email: newEmail, emailLower: newEmail.toLowerCase(), profile: asJson({ ...profile, email: newEmail }), lastUpdated: now } });
    // a recovery link already mailed to the old address must not outlive the change
    await tx.userToken.deleteMany({ where: { userId: user.id, kind: "RECOVERY", consumed: null } });
    await mailUser(tx, { id: user.id, login: user.login, email: current.email, profile }, "email-changed", { newEmail, when: now }, { now, orgUrl: input.orgUrl, acceptLanguage: input.acceptLanguage });
    const changed = { user: { id: user.id, login: user.login }, previousEmail: current.email, newEmail };
    await record(tx, changed);
    return { ok: true, changed };
  }).catch((error: unknown) => {
    // the user was deactivated or deleted meanwhile: the transaction (and the token's use) rolled back
    if (error instanceof EmailChangeAbort) return { ok: false as const, reason: "invalid" as const };
    throw error;
  });
}

class EmailChangeAbort extends Error {}
