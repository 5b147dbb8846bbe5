import type { ApplicationType } from "./client-metadata";

export const MAX_URI_LENGTH = 1024;

/** Schemes that never name a place to send a browser back to. */
const FORBIDDEN_SCHEMES = new Set(["javascript", "data", "file", "vbscript", "about", "blob", "filesystem", "view-source"]);

/**
 * C0 controls (NUL, TAB, CR, LF...), DEL and C1 controls. The URL parser drops TAB/CR/LF and
 * percent-encodes the rest, so a URI holding one names another than it shows, and copied raw
 * into a Location header it splits or breaks the response.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/** localhost, 127.0.0.0/8 and [::1]: http is allowed there (RFC 8252 section 7.3, local development). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why a redirect URI (or post-logout redirect URI) cannot be registered, or null when it can:
 * no control characters, absolute, no fragment, no credentials, no wildcard; https, or http on localhost/loopback for any
 * application type; a custom scheme (e.g. com.example.app:/callback) only for native apps.
 */
export function validateRedirectUri(uri: string, applicationType: ApplicationType): string | null {
  const shown = uri.length > 80 ? `${uri.slice(0, 77)}...` : uri;
  if (hasControlCharacter(uri)) return `'${escapeControls(shown)}' contains a control character (such as NUL, TAB, CR or LF).`;
  if (uri.length > MAX_URI_LENGTH) return `'${shown}' is longer than ${MAX_URI_LENGTH} characters.`;
  if (/[\s\\]/.test(uri) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) return `'${shown}' is not an absolute URI.`;
  if (uri.includes("#")) return `'${shown}' must not contain a fragment (#).`;
  if (uri.includes("*")) return `'${shown}' contains a wildcard; wildcards are not supported.`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `'${shown}' is not an absolute URI.`;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (url.username || url.password) return `'${shown}' must not contain user credentials.`;
  if (scheme === "https" || scheme === "http") {
    if (!new RegExp(`^${scheme}://[^/?]`, "i").test(uri)) return `'${shown}' is not an absolute URI.`;
    if (scheme === "https" || isLoopbackHost(url.hostname)) return null;
    return `'${shown}' must use https; http is allowed only for localhost and loopback addresses.`;
  }
  if (FORBIDDEN_SCHEMES.has(scheme)) return `'${shown}' uses the '${scheme}' scheme, which is not allowed.`;
  if (applicationType !== "native") return `'${shown}' uses a custom scheme; custom schemes are allowed only for native applications.`;
  return null;
}

/** For messages: control characters as \uXXXX, so an error never carries them raw. */
function escapeControls(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER, "g"), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
