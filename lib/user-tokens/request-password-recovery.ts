import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import type { Db } from "../db/create-db-client";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { renderMail } from "../mail/render-mail";
import { issueUserToken } from "./issue-user-token";
import { firstNameOf } from "../mail/mail-recipient";
import { mailUser } from "./mail-user";
import { logUserEvent, USER_TOKEN_EVENTS, type EventClient } from "./user-token-events";
import { userTokenUrls } from "./user-token-kinds";

/**
 * Recovery emails asked for per client IP and per username (whether or not it names a user) in one
 * window, counted in the database so every instance shares the budget: enough for a person who
 * asks again, too few to mail-bomb an address.
 */
export const RECOVERY_RATE_LIMITS = { perIp: 20, perUsername: 5, windowSeconds: 15 * 60 } as const;

/** Users who may start a self-service recovery (Okta: a RECOVERY user finishes the admin's reset first; STAGED, PROVISIONED, SUSPENDED and DEPROVISIONED users cannot). */
const MAY_RECOVER = new Set(["ACTIVE", "LOCKED_OUT", "PASSWORD_EXPIRED"]);
/** Longer strings cannot be a login or an email address. */
const MAX_USERNAME_LENGTH = 1024;

export type RecoveryRequestResult = { outcome: "accepted" } | { outcome: "rate_limited"; limit: number; resetAt: Date };

/**
 * "Forgot password?" (the hosted page, POST /api/v1/authn/recovery/password with factorType EMAIL):
 * when `username` is the login (or the only user's email address) of a user who may recover, a new
 * recovery token (replacing the previous one; the org's recoveryTokenLifetimeMinutes) and the
 * password-reset email with its link are written in one transaction with the System Log event.
 *
 * The answer never tells whether an account exists: it is "accepted" either way, and the work is
 * the same shape (both lookups, a new random token and its hash, the email rendered, one transaction
 * with the event; where a user gets the token and the email inserted, nobody gets the same indexed
 * reads instead). Rate limits (RECOVERY_RATE_LIMITS) are counted before anything, keyed by the
 * client IP and the username as typed, so an unknown username is limited exactly like a known one.
 */
export async function requestPasswordRecovery(
  db: Db,
  input: { username: string; orgUrl: string; now: Date; client: EventClient; acceptLanguage?: string | null; random?: (size: number) => Buffer },
): Promise<RecoveryRequestResult> {
  const { now } = input;
  const username = input.username.trim();
  const { perIp, perUsername, windowSeconds } = RECOVERY_RATE_LIMITS;
  const [byUser, byIp] = await Promise.all([
    consumeRateLimit(db, `recovery:user:${hashToken(username.toLowerCase())}`, perUsername, windowSeconds, now),
    input.client.ipAddress ? consumeRateLimit(db, `recovery:ip:${input.client.ipAddress.slice(0, 64)}`, perIp, windowSeconds, now) : Promise.resolve(null),
  ]);
  if (byIp && !byIp.allowed) return { outcome: "rate_limited", limit: perIp, resetAt: byIp.resetAt };
  if (!byUser.allowed) return { outcome: "rate_limited", limit: perUsername, resetAt: byUser.resetAt };

  // a control character (a NUL byte makes PostgreSQL refuse the query) is in no login: the same lookups of nobody
  const key = username.length <= MAX_USERNAME_LENGTH && !/[\u0000-\u001f\u007f]/.test(username) ? username.toLowerCase() : "";
  const select = { id: true, login: true, email: true, status: true, profile: true } as const;
  const [byLogin, byEmail, settings] = await Promise.all([
    db.user.findUnique({ where: { loginLower: key }, select }),
    db.user.findMany({ where: { emailLower: key }, select, take: 2 }),
    readOrgSettings(db),
  ]);
  const row = byLogin ?? (byEmail.length === 1 ? byEmail[0]! : null);
  const user = row ? { ...row, profile: (row.profile && typeof row.profile === "object" && !Array.isArray(row.profile) ? row.profile : {}) as Record<string, unknown> } : null;
  const eligible = user !== null && MAY_RECOVER.has(user.status);
  const lifetimeMs = settings.recoveryTokenLifetimeMinutes * 60_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  // the same rendering work whoever asked (the real email is rendered again by queueMail)
  renderMail("password-reset", { firstName: user ? firstNameOf(user) : "there", resetUrl: userTokenUrls.resetPassword(input.orgUrl, "x".repeat(43)), expiresAt });

  await db.$transaction(async (tx) => {
    if (eligible) {
      const { token } = await issueUserToken(tx, { userId: user.id, kind: "RECOVERY", lifetimeMs, now, random: input.random });
      await mailUser(tx, user, "password-reset", { resetUrl: userTokenUrls.resetPassword(input.orgUrl, token), expiresAt }, { now, orgUrl: input.orgUrl, acceptLanguage: input.acceptLanguage });
      await logUserEvent(tx, { eventType: USER_TOKEN_EVENTS.recoveryEmail, displayMessage: "Send self-service password reset email", user, result: "SUCCESS", client: input.client }, now);
      return;
    }
    hashToken(randomToken(32, input.random ?? randomBytes));
    await tx.userToken.deleteMany({ where: { userId: user?.id ?? "", kind: "RECOVERY", consumed: { not: null }, expiresAt: { lt: new Date(0) } } });
    await tx.userToken.findFirst({ where: { userId: user?.id ?? "", kind: "RECOVERY" }, select: { tokenHash: true } });
    await tx.mailMessage.findFirst({ where: { userId: user?.id ?? "" }, select: { id: true } });
    const reason = user ? `the user is ${user.status}` : "no user with this username";
    await logUserEvent(tx, { eventType: USER_TOKEN_EVENTS.recoveryEmail, displayMessage: "Send self-service password reset email", user, result: "SKIPPED", reason, client: input.client }, now);
  });
  return { outcome: "accepted" };
}
