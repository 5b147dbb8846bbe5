import { z } from "zod";
import { hashToken } from "../crypto/hash-token";
import { checkFormToken, formToken } from "../http/form-token";
import { readCookieValues } from "../http/read-cookie";
import type { PendingMfa } from "../pending-authorizations/pending-state";

/**
 * The multi-factor step of a sign-in without an authorization request (`/signin?return_to=/admin`,
 * the admin console's sign-in): there is no pending request to keep it in, so the browser keeps it
 * in this cookie, `<base64url JSON>.<HMAC>` under a key derived from APP_SECRET (only this server
 * makes one; nothing secret in it: the user's id, the amr so far, the step), HttpOnly,
 * SameSite=Lax, 10 minutes (the expiry is inside the signed value too). It is bound to the
 * browser's sign-in CSRF cookie (its SHA-256 is signed with it), so a value taken from another
 * browser does not pass with this one's forms. Like the CSRF cookie, it is `__Host-signin_mfa`
 * (Secure, Path=/) on https, `signin_mfa` on Path=/signin over http. It proves only that the
 * password was right: it never starts a session by itself.
 */
export const SIGNIN_MFA_COOKIE = "signin_mfa";
const LIFETIME_SECONDS = 10 * 60;
const PURPOSE = "signin-mfa";

const isHttps = (orgUrl: string) => orgUrl.startsWith("https:");
const cookieName = (orgUrl: string) => (isHttps(orgUrl) ? `__Host-${SIGNIN_MFA_COOKIE}` : SIGNIN_MFA_COOKIE);
const attributes = (orgUrl: string) => `${isHttps(orgUrl) ? "Path=/" : "Path=/signin"}; HttpOnly; SameSite=Lax${isHttps(orgUrl) ? "; Secure" : ""}`;

const stateSchema = z.object({
  mfa: z.object({
    userId: z.string(),
    amr: z.array(z.string()),
    step: z.enum(["verify", "enroll"]),
    enrollingFactorId: z.string().optional(),
    rememberMinutes: z.number().int().positive().optional(),
    rememberByDefault: z.boolean().optional(),
  }),
  /** SHA-256 of the sign-in CSRF cookie it is bound to */
  csrf: z.string(),
  /** epoch milliseconds */
  expiresAt: z.number(),
});

/** Set-Cookie holding `mfa`, bound to the browser's sign-in CSRF cookie value. */
export function signinMfaCookie(secretsKey: Buffer, orgUrl: string, input: { mfa: PendingMfa; csrfCookie: string; now: Date }): string {
  // stepUp never applies here (no app asks for it); the rest is what the factor step needs
  const { userId, amr, step, enrollingFactorId, rememberMinutes, rememberByDefault } = input.mfa;
  const mfa = { userId, amr, step, enrollingFactorId, rememberMinutes, rememberByDefault };
  const payload = Buffer.from(JSON.stringify({ mfa, csrf: hashToken(input.csrfCookie), expiresAt: input.now.getTime() + LIFETIME_SECONDS * 1000 })).toString("base64url");
  return `${cookieName(orgUrl)}=${payload}.${formToken(secretsKey, PURPOSE, [payload])}; ${attributes(orgUrl)}; Max-Age=${LIFETIME_SECONDS}`;
}

/** Set-Cookie removing it (the sign-in finished, was denied, or starts again). */
export function clearSigninMfaCookie(orgUrl: string): string {
  return `${cookieName(orgUrl)}=; ${attributes(orgUrl)}; Max-Age=0`;
}

/** Whether the browser sent the cookie at all (valid or not). */
export function hasSigninMfaCookie(orgUrl: string, cookieHeader: string | null): boolean {
  return readCookieValues(cookieHeader, cookieName(orgUrl)).length > 0;
}

/**
 * The browser's multi-factor step, or null: no cookie (or two), not made by this server, expired,
 * or bound to another sign-in CSRF cookie.
 */
export function readSigninMfaCookie(secretsKey: Buffer, orgUrl: string, input: { cookieHeader: string | null; csrfCookie: string; now: Date }): PendingMfa | null {
  const values = readCookieValues(input.cookieHeader, cookieName(orgUrl));
  if (values.length !== 1 || values[0]!.length > 4096) return null;
  const [payload, signature, ...rest] = values[0]!.split(".");
  if (!payload || !signature || rest.length || !checkFormToken(secretsKey, PURPOSE, [payload], signature)) return null;
  let parsed;
  try {
    parsed = stateSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.expiresAt <= input.now.getTime() || parsed.data.csrf !== hashToken(input.csrfCookie)) return null;
  return parsed.data.mfa;
}
