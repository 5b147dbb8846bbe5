import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import type { InTransaction } from "../db/record-change";
import { timingDummyHash } from "../passwords/timing-dummy-hash";
import { verifyPassword } from "../passwords/verify-password";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { findPasswordHolder } from "./find-password-holder";
import { setProvenPassword, type ProvenPasswordResult } from "./set-proven-password";
import type { EventClient } from "./user-token-events";

/** Attempts to change an expired password per username in one window (the old password is checked each time). */
export const EXPIRED_PASSWORD_RATE_LIMITS = { perUsername: 10, windowSeconds: 15 * 60 } as const;

export type ExpiredPasswordResult = ProvenPasswordResult | { ok: false; reason: "wrong_password" } | { ok: false; reason: "rate_limited"; resetAt: Date };

/**
 * A PASSWORD_EXPIRED user chooses a new password (the hosted expired-password step, POST
 * /api/v1/authn/credentials/change_password): the old password must be right (argon2, against a
 * dummy hash for an unknown login or another status, so nothing tells them apart: all
 * "wrong_password"), counted per username (EXPIRED_PASSWORD_RATE_LIMITS); then setProvenPassword
 * ("expired": another password than the old one, the policy, ACTIVE, the "password changed" email).
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
  const limitKey = "login" in input.user ? input.user.login.toLowerCase() : (user?.login.toLowerCase() ?? input.user.userId);
  const limit = await consumeRateLimit(db, `expired-password:user:${hashToken(limitKey)}`, EXPIRED_PASSWORD_RATE_LIMITS.perUsername, EXPIRED_PASSWORD_RATE_LIMITS.windowSeconds, now);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", resetAt: limit.resetAt };
  const usable = user !== null && user.status === "PASSWORD_EXPIRED" && user.passwordHash !== null;
  const check = await verifyPassword(usable ? user.passwordHash! : await timingDummyHash(), input.oldPassword);
  if (!usable || !check.ok) return { ok: false, reason: "wrong_password" };
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
