import type { Db } from "../db/create-db-client";
import type { InTransaction } from "../db/record-change";
import { checkCredentials } from "../signin/check-credentials";
import { findPasswordHolder } from "./find-password-holder";
import { setProvenPassword, type ProvenPasswordResult } from "./set-proven-password";
import type { EventClient } from "./user-token-events";

export type ExpiredPasswordResult = ProvenPasswordResult | { ok: false; reason: "wrong_password" } | { ok: false; reason: "rate_limited"; limit: number; resetAt: Date };

/**
 * A PASSWORD_EXPIRED user chooses a new password (the hosted expired-password step, POST
 * /api/v1/authn/credentials/change_password): the old password must be right, checked by the one
 * password check of every sign-in (lib/signin checkCredentials: the per-IP and per-username sign-in
 * limits, argon2 against a dummy hash for an unknown login, the org's lockout rules; only a
 * PASSWORD_EXPIRED user's right password passes, everything else is "wrong_password", so nothing
 * tells them apart); then setProvenPassword ("expired": another password than the old one, the
 * policy, ACTIVE, the "password changed" email). A refusal is not logged as a sign-in (the sign-in
 * page logged the expired password already); the change logs its own event.
 */
export async function changeExpiredPassword(
  db: Db,
  input: {
    user: { userId: string } | { login: string };
    oldPassword: string;
    newPassword: string;
    now: Date;
    client: EventClient;
    acceptLanguage?: string | null;
    orgUrl: string;
    claim?: (tx: InTransaction) => Promise<boolean>;
    via: string;
  },
): Promise<ExpiredPasswordResult> {
  const { now } = input;
  const user = await findPasswordHolder(db, input.user);
  const username = "login" in input.user ? input.user.login : (user?.login ?? "");
  const check = await checkCredentials(db, { username, password: input.oldPassword, ipAddress: input.client.ipAddress, userAgent: input.client.userAgent, now, logFailures: false });
  if (!check.ok && check.reason === "RATE_LIMITED" && check.rateLimit) return { ok: false, reason: "rate_limited", ...check.rateLimit };
  if (check.ok || !check.passwordExpired || !user || user.status !== "PASSWORD_EXPIRED" || user.id !== check.user?.id) return { ok: false, reason: "wrong_password" };
  return setProvenPassword(db, {
    user,
    password: input.newPassword,
    purpose: "expired",
    now,
    client: input.client,
    acceptLanguage: input.acceptLanguage,
    orgUrl: input.orgUrl,
    claim: input.claim ?? (async () => true),
    debug: { via: input.via },
  });
}
