import type { UserFactor } from "../db/generated/sqlite/client";
import type { InTransaction } from "../db/record-change";
import { firstNameOf, profileLocaleOf } from "../mail/mail-recipient";
import { isMailableAddress, queueMail } from "../mail/queue-mail";
import { TOTP_FACTOR } from "./supported-factors";

/** How the notice names the new factor: a passkey or security key by its authenticator's name, a TOTP factor as an authenticator app. */
export function enrolledFactorName(factor: Pick<UserFactor, "factorType" | "provider" | "profile">): string {
  if (factor.factorType === TOTP_FACTOR) return factor.provider === "GOOGLE" ? "Google Authenticator" : "An authenticator app";
  const name = (factor.profile as { authenticatorName?: unknown } | null)?.authenticatorName;
  return typeof name === "string" && name ? name : "A passkey";
}

/**
 * Tells the user a sign-in method was added to their account (the `factor-enrolled` email, Okta's
 * "new factor enrolled" end-user notification), queued in the activation's transaction so it goes
 * out if and only if the factor became ACTIVE: someone who took over a session and enrolled their
 * own factor is noticed by the mailbox's owner. In the user's profile language when it is one of
 * ours, else the org's default; the logo under `orgUrl`.
 */
export async function notifyFactorEnrolled(tx: InTransaction, factor: UserFactor, at: { now: Date; orgUrl: string }): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: factor.userId }, select: { id: true, login: true, email: true, profile: true } });
  if (!user?.email || !isMailableAddress(user.email)) return; // a notice never blocks the activation
  const variables = { firstName: firstNameOf(user), factorName: enrolledFactorName(factor), when: at.now };
  await queueMail(tx, { to: user.email, userId: user.id, template: "factor-enrolled", variables, locale: profileLocaleOf(user) }, at);
}
