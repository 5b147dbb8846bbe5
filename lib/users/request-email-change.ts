import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { queueMail } from "../mail/queue-mail";
import { issueEmailChangeToken } from "./issue-email-change-token";
import { isEmailLike } from "./user-profile-input";

export type EmailChangeRequested = { user: { id: string; login: string }; newEmail: string; expiresAt: Date };
export type EmailChangeOutcome = { ok: true; requested: EmailChangeRequested } | { ok: false; reason: "invalid" | "same" | "unavailable" | "gone" };

const firstNameOf = (profile: unknown): string => {
  const value = profile && typeof profile === "object" ? (profile as Record<string, unknown>).firstName : undefined;
  return typeof value === "string" ? value : "";
};

/**
 * A signed-in user asks to change their email address (My Account). The address must pass the Users
 * API's email rule (5 to 100 characters, email-shaped) and differ from the current one. The change
 * itself waits for proof that the new address is theirs: in one transaction a single-use token is
 * issued (issueEmailChangeToken, the seam to the user-token store), the `email-verification` email
 * with its link is queued to the NEW address, and `record` runs. The stored email is not changed
 * here. Without a token store ("unavailable") nothing is written.
 */
export async function requestEmailChange(
  db: Db,
  input: { userId: string; newEmail: string; verifyUrl: (token: string) => string; locale: string; now: Date },
  record: RecordChange<EmailChangeRequested>,
): Promise<EmailChangeOutcome> {
  const newEmail = input.newEmail.trim();
  if (newEmail.length < 5 || newEmail.length > 100 || !isEmailLike(newEmail)) return { ok: false, reason: "invalid" };
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, login: true, emailLower: true, status: true, profile: true } });
  if (!user || user.status !== "ACTIVE") return { ok: false, reason: "gone" };
  if (newEmail.toLowerCase() === user.emailLower) return { ok: false, reason: "same" };
  return db.$transaction(async (tx): Promise<EmailChangeOutcome> => {
    const issued = await issueEmailChangeToken(tx, { userId: user.id, newEmail, now: input.now });
    if (!issued) return { ok: false, reason: "unavailable" };
    await queueMail(tx, { to: newEmail, userId: user.id, template: "email-verification", variables: { firstName: firstNameOf(user.profile), verifyUrl: input.verifyUrl(issued.token), expiresAt: issued.expiresAt }, locale: input.locale }, input.now);
    const requested = { user: { id: user.id, login: user.login }, newEmail, expiresAt: issued.expiresAt };
    await record(tx, requested);
    return { ok: true, requested };
  });
}
