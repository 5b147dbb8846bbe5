import type { Db } from "../db/create-db-client";
import { consumeUserToken } from "./consume-user-token";
import { findUserToken } from "./find-user-token";
import { setProvenPassword, type ProvenPasswordResult } from "./set-proven-password";
import type { EventClient } from "./user-token-events";
import type { UserTokenKind, UserTokenRefusal } from "./user-token-kinds";
import { consumeUserTokenRateLimit } from "./user-token-rate-limit";

export type PasswordWithTokenResult = ProvenPasswordResult | { ok: false; reason: UserTokenRefusal } | { ok: false; reason: "rate_limited"; resetAt: Date };

/**
 * A link's form was sent: sets the password with the token (the welcome page: ACTIVATION; the
 * reset page: RECOVERY), the token used once in the same transaction (setProvenPassword). A token
 * that is unknown, of the other kind, used or expired changes nothing and says which; so does one
 * whose user's status no longer allows it ("invalid"), and one used by a concurrent request
 * meanwhile ("used"). A password the policy refuses leaves the token usable. Uses are counted per
 * client IP first (USER_TOKEN_RATE_LIMITS).
 */
export async function setPasswordWithToken(
  db: Db,
  input: { token: string | null | undefined; kind: UserTokenKind; password: string; now: Date; client: EventClient; acceptLanguage?: string | null; orgUrl: string },
): Promise<PasswordWithTokenResult> {
  const { kind, now } = input;
  const limit = await consumeUserTokenRateLimit(db, input.client.ipAddress, now);
  if (!limit.allowed) return { ok: false, reason: "rate_limited", resetAt: limit.resetAt };
  const found = await findUserToken(db, input.token, kind, now);
  if (!found.ok) return found;
  const result = await setProvenPassword(db, {
    user: found.user,
    password: input.password,
    purpose: kind === "ACTIVATION" ? "activation" : "recovery",
    now,
    client: input.client,
    acceptLanguage: input.acceptLanguage,
    orgUrl: input.orgUrl,
    claim: (tx) => consumeUserToken(tx, { tokenHash: found.tokenHash, kind, now }),
    debug: { via: kind === "ACTIVATION" ? "activation_link" : "recovery_link" },
  });
  if (result.ok || result.reason === "policy" || result.reason === "unchanged") return result;
  if (result.reason === "status") return { ok: false, reason: "invalid" };
  const again = await findUserToken(db, input.token, kind, now);
  return { ok: false, reason: again.ok ? "used" : again.reason };
}
