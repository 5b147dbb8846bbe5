import type { InTransaction } from "../db/record-change";
import { issueUserToken } from "./issue-user-token";
import { mailUser, type MailRecipient } from "./mail-user";
import { ACTIVATION_TOKEN_LIFETIME_MS, userTokenUrls } from "./user-token-kinds";

/** Okta's UserActivationToken: what `lifecycle/activate?sendEmail=false` and `lifecycle/reactivate` answer. */
export type ActivationLink = { activationUrl: string; activationToken: string };

/**
 * A new activation token for a user who has no password yet (PROVISIONED), inside the transaction
 * of the change that activates them (user creation, `lifecycle/activate`, `lifecycle/reactivate`):
 * the previous one stops working, the new one lasts 7 days (Okta's default), and with `sendEmail`
 * the activation email with `{ORG_URL}/welcome/{token}` is queued in the same transaction.
 */
export async function issueActivation(
  tx: InTransaction,
  input: { user: MailRecipient; sendEmail: boolean; orgUrl: string; now: Date; random?: (size: number) => Buffer },
): Promise<ActivationLink> {
  const { user, now } = input;
  const { token, expiresAt } = await issueUserToken(tx, { userId: user.id, kind: "ACTIVATION", lifetimeMs: ACTIVATION_TOKEN_LIFETIME_MS, now, random: input.random });
  const activationUrl = userTokenUrls.activation(input.orgUrl, token);
  if (input.sendEmail) await mailUser(tx, user, "activation", { activationUrl, expiresAt }, { now, orgUrl: input.orgUrl });
  return { activationUrl, activationToken: token };
}

/** A user row as a mail recipient (the profile as a plain object). */
export function recipientOf(user: { id: string; login: string; email: string; profile: unknown }): MailRecipient {
  const profile = (user.profile && typeof user.profile === "object" && !Array.isArray(user.profile) ? user.profile : {}) as Record<string, unknown>;
  return { id: user.id, login: user.login, email: user.email, profile };
}
