/** Where a sign-in without an authorization request may send the browser: the admin console. */
const RETURN_TO_PREFIX = "/admin";
/** Anything else goes home. */
export const DEFAULT_RETURN_TO = "/";

/**
 * The `return_to` of `/signin?return_to=...` as a same-origin relative path, or "/" for anything
 * that is not one: only paths beginning with /admin (then the end, "/", "?" or "#") are kept, so
 * `//evil.com`, `/\evil.com`, `https://evil.com`, `/administrator`, control characters and
 * encoded tricks all go home (never an open redirect). The result is re-serialised from the URL
 * parser, resolved against ORG_URL and checked to stay on its origin.
 */
export function safeReturnTo(value: string | null | undefined, orgUrl: string): string {
  if (!value || value.length > 2048) return DEFAULT_RETURN_TO;
  if (!value.startsWith(RETURN_TO_PREFIX)) return DEFAULT_RETURN_TO;
  const next = value.charAt(RETURN_TO_PREFIX.length);
  if (next !== "" && next !== "/" && next !== "?" && next !== "#") return DEFAULT_RETURN_TO;
  // Backslashes (browsers read them as "/"), whitespace and control characters never belong here.
  if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return DEFAULT_RETURN_TO;
  let url: URL;
  try {
    const base = new URL(orgUrl);
    url = new URL(value, base);
    if (url.origin !== base.origin) return DEFAULT_RETURN_TO;
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (url.pathname !== RETURN_TO_PREFIX && !url.pathname.startsWith(`${RETURN_TO_PREFIX}/`)) return DEFAULT_RETURN_TO;
  if (url.pathname.startsWith("//")) return DEFAULT_RETURN_TO;
  return `${url.pathname}${url.search}${url.hash}`;
}
