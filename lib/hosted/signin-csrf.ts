import { createHmac, hkdfSync } from "node:crypto";
import { randomToken } from "../crypto/random-token";
import { timingSafeEqualStrings } from "../crypto/timing-safe-equal-strings";
import { readCookie } from "./read-cookie";

/**
 * The CSRF token of the sign-in page when there is no authorization request
 * (`/signin?return_to=...`): a double-submit token like the pending request's, bound to the
 * browser by an HttpOnly cookie. There is no stored row to hash it against, so the token is
 * `<random>.<HMAC(key, random)>` with a key derived from APP_SECRET: a cookie planted by someone
 * else (e.g. from a sibling subdomain) is refused unless this server minted it.
 */
export const SIGNIN_CSRF_COOKIE = "signin_csrf";
const LIFETIME_SECONDS = 60 * 60;

function csrfKey(secretsKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secretsKey, Buffer.alloc(0), "idp:signin-csrf", 32));
}

function mac(secretsKey: Buffer, nonce: string): string {
  return createHmac("sha256", csrfKey(secretsKey)).update(nonce, "utf8").digest("base64url");
}

export function mintSigninCsrfToken(secretsKey: Buffer): string {
  const nonce = randomToken(24);
  return `${nonce}.${mac(secretsKey, nonce)}`;
}

/** A token this server minted (any browser could hold it; the cookie binds it to one). */
export function isSigninCsrfToken(token: string | null | undefined, secretsKey: Buffer): boolean {
  if (!token || token.length > 200) return false;
  const [nonce, signature, ...rest] = token.split(".");
  if (!nonce || !signature || rest.length) return false;
  return timingSafeEqualStrings(signature, mac(secretsKey, nonce));
}

/** Set-Cookie for the token: only sent to /signin and /signin/*, HttpOnly, SameSite=Lax, Secure on https. */
export function signinCsrfCookie(token: string, orgUrl: string): string {
  const secure = orgUrl.startsWith("https:") ? "; Secure" : "";
  return `${SIGNIN_CSRF_COOKIE}=${token}; Path=/signin; Max-Age=${LIFETIME_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** The browser's valid token (for the page's hidden field), or null. */
export function readSigninCsrfToken(cookieHeader: string | null, secretsKey: Buffer): string | null {
  const cookie = readCookie(cookieHeader, SIGNIN_CSRF_COOKIE);
  return isSigninCsrfToken(cookie, secretsKey) ? cookie : null;
}

/** A form post's check: a valid cookie, and the form's field equal to it (constant time). */
export function checkSigninCsrf(cookieHeader: string | null, formToken: string | null, secretsKey: Buffer): boolean {
  const cookie = readSigninCsrfToken(cookieHeader, secretsKey);
  return cookie !== null && timingSafeEqualStrings(formToken ?? "", cookie);
}
