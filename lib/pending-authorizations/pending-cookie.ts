import { hashToken } from "../crypto/hash-token";
import { timingSafeEqualStrings } from "../crypto/timing-safe-equal-strings";
import { readCookie } from "../http/read-cookie";
import { PENDING_LIFETIME_MS } from "./create-pending-authorization";

/** One cookie per pending request, so sign-ins in several tabs do not disturb each other. */
export const pendingCookieName = (pendingId: string) => `authz_${pendingId}`;

/**
 * The cookie that binds a pending authorization to the browser that started it: its CSRF token,
 * HttpOnly, SameSite=Lax (sent on the top-level navigations and same-site form posts of the flow),
 * Secure on https, for the request's lifetime.
 */
export function pendingCookie(pendingId: string, csrfToken: string, orgUrl: string): string {
  const secure = orgUrl.startsWith("https:") ? "; Secure" : "";
  return `${pendingCookieName(pendingId)}=${csrfToken}; Path=/; Max-Age=${PENDING_LIFETIME_MS / 1000}; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * CSRF check of a hosted form post or of the resume step: the browser's cookie for this request
 * must hash to the stored csrfHash and, for form posts, the form's hidden `csrf` field must equal
 * the cookie (double submit: another site can neither read nor set the cookie). Constant-time.
 */
export function checkPendingCsrf(pending: { id: string; csrfHash: string }, cookieHeader: string | null, formToken?: string | null): boolean {
  const cookie = readCookie(cookieHeader, pendingCookieName(pending.id));
  if (!cookie) return false;
  const cookieOk = timingSafeEqualStrings(hashToken(cookie), pending.csrfHash);
  const formOk = formToken === undefined ? true : timingSafeEqualStrings(formToken ?? "", cookie);
  return cookieOk && formOk;
}

/** The CSRF token for the page's hidden field: the cookie's value when it matches the request. */
export function readPendingCsrfToken(pending: { id: string; csrfHash: string }, cookieHeader: string | null): string | null {
  const cookie = readCookie(cookieHeader, pendingCookieName(pending.id));
  return cookie && checkPendingCsrf(pending, cookieHeader) ? cookie : null;
}
