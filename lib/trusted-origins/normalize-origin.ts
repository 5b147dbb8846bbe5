/**
 * Schemes a trusted origin may use: the web's two, and the WebView origins of Capacitor and Ionic
 * hybrid apps (`capacitor://localhost`, `ionic://localhost`), which Okta also accepts and which
 * such apps send as their Origin.
 */
export const ORIGIN_SCHEMES = ["http", "https", "capacitor", "ionic"] as const;

export const MAX_ORIGIN_LENGTH = 1024;

export type NormalizedOrigin = { ok: true; origin: string } | { ok: false; reason: string };

const SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#\\]*)(.*)$/s;
/** DNS-style host names (and an optional port) for the non-special schemes the URL parser keeps opaque. */
const PLAIN_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::(\d{1,5}))?$/;

const fail = (reason: string): NormalizedOrigin => ({ ok: false, reason });

/**
 * An origin as `scheme://host[:port]` (RFC 6454 serialisation), or the reason it is not one. The
 * result is lower-cased, internationalised host names become punycode, and a scheme's default
 * port is dropped, so it compares equal to the `Origin` header a browser sends. A single trailing
 * `/` is tolerated and removed; any other path, a query, a fragment, user info, whitespace or a
 * wildcard is refused.
 */
export function normalizeOrigin(value: string): NormalizedOrigin {
  if (value.length > MAX_ORIGIN_LENGTH) return fail(`An origin is at most ${MAX_ORIGIN_LENGTH} characters.`);
  if (/[\s\p{Cc}]/u.test(value)) return fail("An origin cannot contain whitespace or control characters.");
  const match = SHAPE.exec(value);
  if (!match) return fail("An origin must be scheme://host[:port], e.g. https://app.example.com.");
  const scheme = match[1]!.toLowerCase();
  const authority = match[2]!;
  const rest = match[3]!;
  if (!(ORIGIN_SCHEMES as readonly string[]).includes(scheme)) {
    return fail("The scheme must be http or https (or capacitor or ionic for hybrid apps).");
  }
  if (rest !== "" && rest !== "/") return fail("An origin has no path, query or fragment: give scheme://host[:port] only.");
  if (authority.includes("@")) return fail("An origin cannot contain a user name or password.");
  if (authority.includes("*")) return fail("Wildcards are not supported: add each origin.");
  if (authority === "" || authority.startsWith(":")) return fail("An origin needs a host.");

  if (scheme === "http" || scheme === "https") {
    let url: URL;
    try {
      url = new URL(`${scheme}://${authority}`);
    } catch {
      return fail("The host or port is not valid.");
    }
    if (!url.hostname) return fail("An origin needs a host.");
    return { ok: true, origin: `${scheme}://${url.host}` };
  }
  const host = authority.toLowerCase();
  const plain = PLAIN_HOST.exec(host);
  if (!plain) return fail("The host or port is not valid.");
  if (plain[1] !== undefined && Number(plain[1]) > 65535) return fail("The host or port is not valid.");
  return { ok: true, origin: `${scheme}://${host}` };
}
