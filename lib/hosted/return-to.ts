/** Where a sign-in without an authorization request may send the browser: the admin console, My Account. */
const RETURN_TO_PREFIXES = ["/admin", "/account"] as const;
/** Anything else goes home. */
export const DEFAULT_RETURN_TO = "/";

/**
 * The `return_to` of `/signin?return_to=...` as a same-origin relative path, or "/" for anything
 * that is not one: only paths beginning with /admin (then the end, "/", "?" or "#") are kept, so
 * `//evil.com`, `/\evil.com`, `https://evil.com`, `/administrator`, control characters and
 * encoded tricks all go home (never an open redirect).
 */
export function safeReturnTo(value: string | null | undefined, orgUrl: string): string {
  return safeLocalPath(value, orgUrl, RETURN_TO_PREFIXES) ?? DEFAULT_RETURN_TO;
}

/** The pages Next.js renders that read the database: where the 503 page's "Try again" may lead. */
const RETRY_PREFIXES = ["/signin", "/consent", "/admin", "/account"] as const;

/** The `retry` of the 503 page (`/unavailable?retry=...`) under the same rules, or null (no link). */
export function safeRetryPath(value: string | null | undefined, orgUrl: string): string | null {
  return safeLocalPath(value, orgUrl, RETRY_PREFIXES);
}

/**
 * `value` as a same-origin relative path under one of `prefixes` (the prefix, then the end, "/",
 * "?" or "#"), or null. The result is re-serialised from the URL parser, resolved against ORG_URL
 * and checked to stay on its origin and under the prefix.
 */
function safeLocalPath(value: string | null | undefined, orgUrl: string, prefixes: readonly string[]): string | null {
  if (!value || value.length > 2048) return null;
  const prefix = prefixes.find((candidate) => value.startsWith(candidate) && ["", "/", "?", "#"].includes(value.charAt(candidate.length)));
  if (!prefix) return null;
  // Backslashes (browsers read them as "/"), whitespace and control characters never belong here.
  if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    const base = new URL(orgUrl);
    url = new URL(value, base);
    if (url.origin !== base.origin) return null;
  } catch {
    return null;
  }
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return null;
  if (url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
