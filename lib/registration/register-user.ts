import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { asJson } from "../db/as-json";
import { newUserRow } from "../users/create-user";
import type { Db } from "../db/create-db-client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { InTransaction } from "../db/record-change";
import { renderMail } from "../mail/render-mail";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { checkPasswordPolicy, type PasswordViolation } from "../passwords/check-password-policy";
import { hashPassword } from "../passwords/hash-password";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import type { ProfileFieldProblem } from "../users/update-own-profile";
import { recipientOf } from "../user-tokens/issue-activation";
import { issueUserToken } from "../user-tokens/issue-user-token";
import { mailUser } from "../user-tokens/mail-user";
import { userTokenUrls } from "../user-tokens/user-token-kinds";
import { parseRegistration, type RegistrationValues } from "./parse-registration";
import { logRegistrationEvent, REGISTRATION_EVENTS, type RegistrationClient } from "./registration-events";

/**
 * Registrations asked for per client IP and per address (whether or not the address is taken) in
 * one window, counted in the database so every instance shares them; the org-wide cap per minute is
 * the org setting registrationsPerMinute. No CAPTCHA: these limits are the abuse control.
 */
export const REGISTRATION_RATE_LIMITS = { perIp: 10, perAddress: 3, windowSeconds: 15 * 60 } as const;

export type RegistrationResult =
  /** the same answer whether a user was created, an unverified registration replaced, or the address is taken */
  | { outcome: "accepted"; linkMinutes: number }
  /** the org setting selfServiceRegistration is off */
  | { outcome: "disabled" }
  | { outcome: "rate_limited"; resetAt: Date }
  | { outcome: "invalid"; problems: Record<string, ProfileFieldProblem> }
  | { outcome: "policy"; violations: PasswordViolation[] };

const select = { id: true, login: true, email: true, status: true, activated: true, profile: true, userTokens: { where: { kind: "EMAIL_VERIFY" }, select: { tokenHash: true }, take: 1 } } as const;

/**
 * Self-service registration (the hosted "Create account" page), when the org allows it: the
 * profile (parseRegistration: email as the login, first and last name, the org's chosen attributes;
 * control characters refused) and the password policy (checkPasswordPolicy, as for activation), then:
 * - an address nobody has: a PROVISIONED user (Okta's "pending user action": no sign-in yet) with
 *   the password's argon2id hash, an EMAIL_VERIFY token (hashed, single use, the org's
 *   registrationLinkLifetimeMinutes) and the `email-verification` email with its link, in one
 *   transaction with `user.lifecycle.create`;
 * - an unverified registration of the same address (PROVISIONED, never activated, an EMAIL_VERIFY
 *   token): replaced (profile and password), a new link (the previous one stops working);
 * - an address another account has: no user or token is written; the account's owner gets the
 *   `account-exists` notice (someone tried to sign up with your address: sign in, or reset the
 *   password) and a SKIPPED event is written.
 * The answer never tells which ("accepted" every time) and the work has the same shape: the limits,
 * one argon2id hash, one lookup, a token and its hash, an email rendered and queued, one transaction
 * with an event (a new address writes a user and a token row more: the residual timing gap). With `fromUri` (the sign-in's return_to) the link leads there once verified. The limits are counted first, in turn (per IP, per address as typed, the org-wide cap per minute), up to the first refusal.
 */
export async function registerUser(
  db: Db,
  input: { values: RegistrationValues; password: string; orgUrl: string; fromUri?: string | null; now: Date; client: RegistrationClient; acceptLanguage?: string | null; random?: (size: number) => Buffer },
): Promise<RegistrationResult> {
  const { now } = input;
  const settings = await readOrgSettings(db);
  if (!settings.selfServiceRegistration) return { outcome: "disabled" };
  const { perIp, perAddress, windowSeconds } = REGISTRATION_RATE_LIMITS;
  const address = (input.values.email ?? "").trim().toLowerCase().slice(0, 1024);
  // one after the other, stopping at the first refusal (a refused request counts in its bucket): a
  // client looping past its IP limit spends neither an address's budget nor the org-wide one
  const limits: Array<[key: string, max: number, seconds: number]> = [
    ...(input.client.ipAddress ? [[`registration:ip:${input.client.ipAddress.slice(0, 64)}`, perIp, windowSeconds] as [string, number, number]] : []),
    [`registration:address:${hashToken(address)}`, perAddress, windowSeconds],
    ["registration:global", settings.registrationsPerMinute, 60],
  ];
  for (const [key, max, seconds] of limits) {
    const decision = await consumeRateLimit(db, key, max, seconds, now);
    if (!decision.allowed) return { outcome: "rate_limited", resetAt: decision.resetAt };
  }

  const parsed = parseRegistration(input.values, settings.registrationProfileAttributes);
  if (!parsed.ok) return { outcome: "invalid", problems: parsed.problems };
  const { profile } = parsed;
  const violations = checkPasswordPolicy(input.password, profile.login);
  if (violations.length) return { outcome: "policy", violations };

  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { loginLower: profile.login.toLowerCase() }, select });
  const pending = existing !== null && existing.status === "PROVISIONED" && existing.activated === null && existing.userTokens.length > 0;
  const lifetimeMs = settings.registrationLinkLifetimeMinutes * 60_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  // the same rendering work whoever registers (the real email is rendered again by queueMail)
  renderMail("email-verification", { firstName: profile.firstName ?? "there", verifyUrl: userTokenUrls.verifyEmail(input.orgUrl, "x".repeat(43)), expiresAt });
  const accepted = { outcome: "accepted" as const, linkMinutes: settings.registrationLinkLifetimeMinutes };

  try {
    await db.$transaction(async (tx) => {
      const user = !existing ? await storeRegistration(tx, profile, passwordHash, now) : pending ? await replaceRegistration(tx, existing.id, profile, passwordHash, now) : null;
      if (!user) {
        hashToken(randomToken(32, input.random ?? randomBytes));
        await mailUser(tx, recipientOf(existing!), "account-exists", { signinUrl: `${input.orgUrl}/signin`, when: now }, { now, orgUrl: input.orgUrl, acceptLanguage: input.acceptLanguage });
        await logRegistrationEvent(tx, { eventType: REGISTRATION_EVENTS.create, displayMessage: "Self-service registration", user: null, result: "SKIPPED", reason: "the address is taken (its owner is told)", client: input.client, targets: [{ id: existing!.id, type: "User", alternateId: existing!.login }] }, now);
        return;
      }
      const { token } = await issueUserToken(tx, { userId: user.id, kind: "EMAIL_VERIFY", lifetimeMs, now, random: input.random });
      const verifyUrl = userTokenUrls.verifyEmail(input.orgUrl, token) + (input.fromUri ? `?fromURI=${encodeURIComponent(input.fromUri)}` : "");
      await mailUser(tx, { ...user, profile }, "email-verification", { verifyUrl, expiresAt }, { now, orgUrl: input.orgUrl, acceptLanguage: input.acceptLanguage });
      await logRegistrationEvent(
        tx,
        { eventType: REGISTRATION_EVENTS.create, displayMessage: pending ? "Self-service registration (replaces an unverified one)" : "Self-service registration", user, result: "SUCCESS", client: input.client, debug: { status: "PROVISIONED", replaced: pending } },
        now,
      );
    });
  } catch (error) {
    // a concurrent registration of the same address won: the same answer (its email went out)
    if (prismaErrorCode(error) !== "P2002") throw error;
  }
  return accepted;
}

/** A new self-registered user: PROVISIONED (no sign-in until the address is verified), the password's hash kept for then. */
async function storeRegistration(tx: InTransaction, profile: { login: string; email: string }, passwordHash: string, now: Date) {
  return tx.user.create({
    data: newUserRow({ profile, status: "PROVISIONED", passwordHash, now, activated: null, statusChanged: now }),
    select: { id: true, login: true, email: true },
  });
}

/** An unverified registration of the same address, filled in again (only while it is still one). */
async function replaceRegistration(tx: InTransaction, userId: string, profile: { login: string; email: string }, passwordHash: string, now: Date) {
  const { count } = await tx.user.updateMany({
    where: { id: userId, status: "PROVISIONED", activated: null },
    data: { login: profile.login, email: profile.email, emailLower: profile.email.toLowerCase(), profile: asJson(profile), passwordHash, passwordChanged: now, lastUpdated: now },
  });
  // verified or changed by an administrator meanwhile: a taken address
  return count === 1 ? { id: userId, login: profile.login, email: profile.email } : null;
}
