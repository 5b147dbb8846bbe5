import { randomToken } from "../crypto/random-token";
import { checkFormToken, formToken } from "../http/form-token";
import { readCookieValues } from "../http/read-cookie";

/**
 * The CSRF cookie of the sign-in page when there is no authorization request
 * (`/signin?return_to=...`), bound to the browser by being HttpOnly. There is no stored row to hash
 * it against, so its value is `<random>.<HMAC(key, random)>` with a key derived from APP_SECRET:
 * only this server mints one. The form's field is not this value but its binding to the browser's
 * session (signinFormToken, hosted-form-token.ts).
 *
 * On https the cookie is `__Host-signin_csrf` (Secure, Path=/, no Domain): browsers accept such a
 * cookie only from the origin itself over https (RFC 6265bis 4.1.3.2), so neither a sibling
 * subdomain nor a plain-http man in the middle can plant one, e.g. a valid value they fetched from
 * /signin/start themselves. Over http (development) the name has no prefix.
 */
export const SIGNIN_CSRF_COOKIE = "signin_csrf";
const HOST_ONLY_COOKIE = `__Host-${SIGNIN_CSRF_COOKIE}`;
const LIFETIME_SECONDS = 60 * 60;
const PURPOSE = "signin-csrf";

const isHttps = (orgUrl: string) => orgUrl.startsWith("https:");

/** The cookie's name for this ORG_URL. */
export function signinCsrfCookieName(orgUrl: string): string {
  return isHttps(orgUrl) ? HOST_ONLY_COOKIE : SIGNIN_CSRF_COOKIE;
}

export function mintSigninCsrfToken(secretsKey: Buffer): string {
  const nonce = randomToken(24);
  return `${nonce}.${formToken(secretsKey, PURPOSE, [nonce])}`;
}

/** A token this server minted (any browser could hold it; the cookie binds it to one). */
export function isSigninCsrfToken(token: string | null | undefined, secretsKey: Buffer): boolean {
  if (!token || token.length > 200) return false;
  const [nonce, signature, ...rest] = token.split(".");
  if (!nonce || !signature || rest.length) return false;
  return checkFormToken(secretsKey, PURPOSE, [nonce], signature);
}

/** Set-Cookie for the token: HttpOnly, SameSite=Lax; on https `__Host-` (Secure, Path=/), over http only sent to /signin and /signin/*. */
export function signinCsrfCookie(token: string, orgUrl: string): string {
  const scope = isHttps(orgUrl) ? "Path=/" : "Path=/signin";
  return `${signinCsrfCookieName(orgUrl)}=${token}; ${scope}; Max-Age=${LIFETIME_SECONDS}; HttpOnly; SameSite=Lax${isHttps(orgUrl) ? "; Secure" : ""}`;
}

/**
 * The browser's valid cookie value, or null: none, not minted here, or more than one cookie of
 * that name (a second one, e.g. set for a longer path to be sent first, is someone else's).
 */
export function readSigninCsrfToken(cookieHeader: string | null, secretsKey: Buffer, orgUrl: string): string | null {
  const values = readCookieValues(cookieHeader, signinCsrfCookieName(orgUrl));
  return values.length === 1 && isSigninCsrfToken(values[0], secretsKey) ? values[0]! : null;
}
