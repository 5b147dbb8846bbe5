import type { Db } from "../db/create-db-client";
import { checkCredentials } from "./check-credentials";

export type CurrentPasswordCheck = { ok: true } | { ok: false; reason: "INVALID_CREDENTIALS" | "LOCKED_OUT" | "RATE_LIMITED" | "BLOCKED" };

/**
 * A signed-in user confirms their current password (My Account: before a new password, before
 * removing a sign-in method when the session is not fresh). The one password check of every sign-in
 * (checkCredentials): the per-IP and per-username limits count the attempt, a wrong password counts
 * toward the org's lockout (reaching it locks the user out, which also ends this session's use), a
 * right one resets the count. The refusal is the caller's to log, under its own event: it is not a
 * sign-in (`logFailures: false`; a lockout still logs user.account.lock).
 */
export async function verifyCurrentPassword(db: Db, input: { login: string; password: string; ipAddress: string | null; userAgent: string | null; now: Date }): Promise<CurrentPasswordCheck> {
  const result = await checkCredentials(db, { username: input.login, password: input.password, ipAddress: input.ipAddress, userAgent: input.userAgent, now: input.now, logFailures: false });
  return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}
