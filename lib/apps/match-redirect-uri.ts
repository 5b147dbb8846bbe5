import type { ApplicationType } from "./client-metadata";
import { hasControlCharacter } from "./validate-redirect-uri";

/** http://127.0.0.1:<port>/path or http://[::1]:<port>/path, parsed; null for anything else. */
function loopbackIpUri(uri: string): { host: string; rest: string } | null {
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\])[:/]/.test(uri) || uri.includes("#") || uri.includes("@")) return null;
  try {
    const url = new URL(uri);
    return { host: url.hostname, rest: `${url.pathname}${url.search}` };
  } catch {
    return null;
  }
}

/**
 * Is `presented` (a redirect_uri or post_logout_redirect_uri from a request) one of `registered`?
 * Exact string comparison, as Okta does, with one exception from RFC 8252 section 7.3: a native
 * app that registered a loopback IP redirect (http://127.0.0.1/... or http://[::1]/...) may use any
 * port, since the OS picks it at run time. A URI holding a control character never matches (the URL
 * parser would drop a CR, LF or TAB and match another URI than the one presented).
 */
export function matchRedirectUri(registered: readonly string[], presented: string, applicationType: ApplicationType | string): boolean {
  if (hasControlCharacter(presented)) return false;
  if (registered.includes(presented)) return true;
  if (applicationType !== "native") return false;
  const wanted = loopbackIpUri(presented);
  if (!wanted) return false;
  return registered.some((uri) => {
    const candidate = loopbackIpUri(uri);
    return candidate !== null && candidate.host === wanted.host && candidate.rest === wanted.rest;
  });
}
