import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { firstNameOf } from "../mail/mail-recipient";
import { queueMail } from "../mail/queue-mail";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { isEmailLike } from "../users/user-profile-input";
import { issueUserToken } from "./issue-user-token";
import { EMAIL_CHANGE_TOKEN_LIFETIME_MS } from "./user-token-kinds";

/** Email-change links asked for per user in one window: enough to fix a typo, too few to mail-bomb an address. */
export const EMAIL_CHANGE_RATE_LIMITS = { perUser: 5, windowSeconds: 60 * 60 } as const;

export type EmailChangeRequested = { user: { id: string; login: string }; newEmail: string; expiresAt: Date };
export type EmailChangeOutcome = { ok: true; requested: EmailChangeRequested } | { ok: false; reason: "invalid" | "same" | "gone" } | { ok: false; reason: "rateLimited"; resetAt: Date };

/**
 * A signed-in user asks to change their email address (My Account). The address must pass the Users
 * API's email rule (5 to 100 characters, email-shaped) and differ from the current one; requests
 * are counted per user (EMAIL_CHANGE_RATE_LIMITS). The change itself waits for proof that the new
 * address is theirs: in one transaction an EMAIL_CHANGE token holding the new address is issued
 * (issueUserToken: stored hashed, 24 hours, the user's previous email-change link stops working),
 * the `email-change` email with its link is queued to the NEW address, and `record` runs. The
 * stored email is not changed here (confirmEmailChange does it). Whether another account uses the
 * address is not told here (no oracle for who has an account): the confirm step checks it.
 */
export async function requestEmailChange(
  db: Db,
  input: { userId: string; newEmail: string; verifyUrl: (token: string) => string; locale: string; orgUrl: string; now: Date; random?: (size: number) => Buffer },
  record: RecordChange<EmailChangeRequested>,
): Promise<EmailChangeOutcome> {
  const newEmail = input.newEmail.trim();
  if (newEmail.length < 5 || newEmail.length > 100 || !isEmailLike(newEmail)) return { ok: false, reason: "invalid" };
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, login: true, emailLower: true, status: true, profile: true } });
  if (!user || user.status !== "ACTIVE") return { ok: false, reason: "gone" };
  if (newEmail.toLowerCase() === user.emailLower) return { ok: false, reason: "same" };
  const limit = await consumeRateLimit(db, `email-change:user:${user.id}`, EMAIL_CHANGE_RATE_LIMITS.perUser, EMAIL_CHANGE_RATE_LIMITS.windowSeconds, input.now);
  if (!limit.allowed) return { ok: false, reason: "rateLimited", resetAt: limit.resetAt };
  return db.$transaction(async (tx): Promise<EmailChangeOutcome> => {
    const issued = await issueUserToken(tx, { userId: user.id, kind: "EMAIL_CHANGE", lifetimeMs: EMAIL_CHANGE_TOKEN_LIFETIME_MS, newEmail, now: input.now, random: input.random });
    await queueMail(tx, { to: newEmail, userId: user.id, template: "email-change", variables: { firstName: firstNameOf(user), verifyUrl: input.verifyUrl(issued.token), expiresAt: issued.expiresAt }, locale: input.locale }, { now: input.now, orgUrl: input.orgUrl });
    const requested = { user: { id: user.id, login: user.login }, newEmail, expiresAt: issued.expiresAt };
    await record(tx, requested);
    return { ok: true, requested };
  });
}
