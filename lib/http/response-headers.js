// @ts-check
// Headers every response of ours carries, in one place for both ways a request is answered:
// next.config.js `headers()` (everything Next.js serves) and the protocol fast path in front of it
// (lib/cli/protocol-fast-path.ts). CommonJS, because next.config.js loads it before any bundling.

/** On every response: no MIME sniffing, no Referer leaking authorize URLs (state, login_hint). */
const BASE_HEADERS = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
});

/**
 * Anti-framing for every page and endpoint (clickjacking), except the paths that set their own
 * framing headers: /oauth2[/:as]/v1/authorize[/resume], because an okta_post_message response must be
 * frameable by the app's origin (and only by it), and the hosted sign-in and consent pages, which
 * the IFRAME_EMBED trusted origins may frame (proxy.ts, lib/trusted-origins/hosted-page-framing: these same
 * headers when there are none).
 * CSP frame-ancestors for current browsers, X-Frame-Options for old ones. No script-src here: the
 * pages Next.js renders for people get a per-response nonce CSP from proxy.ts (which replaces this
 * header there and keeps these directives); the pages /authorize renders itself set their own
 * (lib/http/page-security-headers); JSON endpoints run no script.
 * No form-action either: the sign-in form's 303 chain ends at the app's redirect URI, which
 * form-action would block in Chromium.
 */
const ANTI_FRAMING_HEADERS = Object.freeze({
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
});

/**
 * Every path but those that set their own framing headers, /oauth2/:as/v1/authorize and
 * /oauth2/:as/v1/authorize/resume (lib/oauth/authorize/frame-protected; /oauth2/v1/... for the org
 * authorization server), /signin and /consent
 * (proxy.ts, which every request to them goes through), in Next.js `source` syntax. Anything else
 * under them (a 404 page, /signin/submit) is framed like the rest.
 */
const SELF_FRAMED_PATHS = "/:path((?!oauth2/(?:[^/]+/)?v1/authorize(?:/resume)?$|signin$|consent$).*)";
/** The two protocol paths themselves, as a RegExp over a pathname (lib/cli/reject-malformed-request.mjs). */
const SELF_FRAMED_PATH = /^\/oauth2\/(?:[^/]+\/)?v1\/authorize(?:\/resume)?$/;
/** The hosted pages an IFRAME_EMBED trusted origin may frame, as a RegExp over a pathname (proxy.ts). */
const EMBEDDABLE_PAGE_PATH = /^\/(?:signin|consent)$/;

/**
 * The hosted pages Next.js renders in the person's language, and the home page (ui_locales of their request,
 * Accept-Language, the org default), as a RegExp over a pathname: proxy.ts hands the root layout
 * their request id (`<html lang>`), lib/cli/vary-by-language.mjs adds `Vary: Accept-Language`.
 */
const LOCALISED_PAGE_PATH = /^\/(?:|signin(?:\/(?:factor|forgot-password|expired-password|register|(?:reset-password|welcome|verify-email)\/[^/]+))?|consent)$/;

module.exports = { BASE_HEADERS, ANTI_FRAMING_HEADERS, SELF_FRAMED_PATHS, SELF_FRAMED_PATH, EMBEDDABLE_PAGE_PATH, LOCALISED_PAGE_PATH };
