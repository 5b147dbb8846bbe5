import { readCookieValues } from "../http/read-cookie";
/** The SSO session cookie's name (Okta's is also `sid`). */
export const SESSION_COOKIE_NAME = "sid";

/** What createSession puts in the cookie: randomToken(32), 43 base64url characters. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{43}$/;

export type SessionCookieOptions = { orgUrl: string };

/**
 * The attributes every `sid` cookie carries (RFC 6265bis): HttpOnly, Path=/ and, when ORG_URL is
 * https, `Secure; SameSite=None` so the cookie also reaches the hidden iframe okta-auth-js's
 * getWithoutPrompt opens from another site (SDK contract 1: "across sites it needs SameSite=None;
 * Secure"). Over plain http (development on localhost, where apps on other ports are same-site)
 * browsers refuse SameSite=None without Secure, so the cookie is `SameSite=Lax`.
 */
function attributes(orgUrl: string): string {
  const secure = orgUrl.toLowerCase().startsWith("https://");
  return `Path=/; HttpOnly${secure ? "; Secure; SameSite=None" : "; SameSite=Lax"}`;
}

/** A Set-Cookie value that stores the session cookie for `maxAgeSeconds` (the session's absolute lifetime). */
export function buildSessionCookie(value: string, opts: SessionCookieOptions & { maxAgeSeconds: number }): string {
  if (!COOKIE_VALUE.test(value)) throw new Error("A session cookie value is 43 base64url characters.");
  const maxAge = Math.max(0, Math.floor(opts.maxAgeSeconds));
  return `${SESSION_COOKIE_NAME}=${value}; Max-Age=${maxAge}; ${attributes(opts.orgUrl)}`;
}

/** A Set-Cookie value that deletes the session cookie (same attributes, so the browser matches it). */
export function clearSessionCookie(opts: SessionCookieOptions): string {
  return `${SESSION_COOKIE_NAME}=; Max-Age=0; ${attributes(opts.orgUrl)}`;
}

/**
 * The session cookie's value from a Cookie request header, strictly: exactly one `sid` pair whose
 * value has the shape createSession gives it. Two `sid` cookies (e.g. one planted for a parent
 * domain or another path, a session-fixation attempt) read as none; so do a malformed value and
 * a missing header. Other cookies are ignored whatever their form.
 */
export function readSessionCookie(cookieHeader: string | null): string | null {
  const values = readCookieValues(cookieHeader, SESSION_COOKIE_NAME);
  return values.length === 1 && COOKIE_VALUE.test(values[0]!) ? values[0]! : null;
}
