import { invalidClient } from "../errors/oauth-error";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";

/** Okta: "The exp claim will fail the request if the expiration time is more than one hour in the future". */
export const ASSERTION_MAX_LIFETIME_SECONDS = 3600;
/**
 * Tolerance for a client clock that runs ahead, applied to the checks that look into the future
 * only (iat, nbf, and the one-hour bound on exp). Okta's own SDKs set exp to exactly now + 1 h and
 * fail against Okta when their clock is a second fast (okta-sdk-python#382, okta-sdk-golang#573);
 * 60 s absorbs that. Expiry itself gets no tolerance: an assertion is dead once `exp` has passed,
 * which also keeps the jti record (kept until `exp`) alive for as long as the assertion is.
 */
export const ASSERTION_CLOCK_SKEW_SECONDS = 60;
const MAX_JTI_LENGTH = 1024;

export type AssertionClaims = {
  /** seconds since the epoch */
  exp: number;
  /** null when the assertion has no jti (then it is not single-use, as Okta allows) */
  jti: string | null;
};

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * RFC 7523 section 3 and Okta's "Token Claims for Client Authentication with Client Secret JWT",
 * on the payload of a client assertion whose signature has been verified and whose iss/sub name the
 * client: `exp` required, in the future and at most one hour ahead; `iat` and `nbf` optional, not
 * in the future; `aud` (a string or an array) contains one of `audiences`; `jti` optional, a
 * string. Every failure is 401 invalid_client.
 */
export function checkAssertionClaims(payload: Record<string, unknown>, context: { now: Date; audiences: readonly string[] }): AssertionClaims {
  const now = context.now.getTime() / 1000;
  const { exp, iat, nbf, aud, jti } = payload;

  if (exp === undefined) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionExpMissing);
  if (!isTime(exp)) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionClaimType("exp"));
  if (exp <= now) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionExpired);
  if (exp > now + ASSERTION_MAX_LIFETIME_SECONDS + ASSERTION_CLOCK_SKEW_SECONDS) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionExpTooFar);

  if (iat !== undefined) {
    if (!isTime(iat)) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionClaimType("iat"));
    if (iat > now + ASSERTION_CLOCK_SKEW_SECONDS) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionIatFuture);
  }
  if (nbf !== undefined) {
    if (!isTime(nbf)) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionClaimType("nbf"));
    if (nbf > now + ASSERTION_CLOCK_SKEW_SECONDS) throw invalidClient(CLIENT_AUTH_MESSAGES.assertionNotYetValid);
  }

  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.some((value) => typeof value === "string" && context.audiences.includes(value))) {
    throw invalidClient(CLIENT_AUTH_MESSAGES.assertionAudience);
  }

  if (jti !== undefined && (typeof jti !== "string" || jti === "" || jti.length > MAX_JTI_LENGTH)) {
    throw invalidClient(CLIENT_AUTH_MESSAGES.assertionClaimType("jti"));
  }
  return { exp, jti: typeof jti === "string" ? jti : null };
}
