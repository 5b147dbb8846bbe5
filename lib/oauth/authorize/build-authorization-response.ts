import { randomBytes } from "node:crypto";
import type { PlainResponse } from "../../http/plain-http";
import { encodeScriptJson } from "../../http/encode-script-json";
import { escapeHtml } from "../../http/escape-html";
import { pageSecurityHeaders } from "../../http/page-security-headers";
import { createTranslator } from "../../i18n/format-message";
import { DEFAULT_LOCALE, type Locale } from "../../i18n/locales";
import type { ResponseMode } from "../../pending-authorizations/authorize-params";
import { AUTHORIZE_PAGE_MESSAGES } from "./authorize-page-messages";

/** A response parameter: strings travel as they are; expires_in is a number in okta_post_message. */
export type ResponseParams = ReadonlyArray<readonly [string, string | number]>;

export type AuthorizationResponseInput = {
  redirectUri: string;
  responseMode: ResponseMode;
  /** code / tokens / error parameters and state, in order (absent ones left out) */
  params: ResponseParams;
  /** RFC 9207: the issuer, added as `iss` to query, fragment and form_post responses */
  issuer: string;
  random?: (size: number) => Buffer;
  /** the language of the form_post and okta_post_message pages' few words (default English) */
  locale?: Locale;
};

/** Redirects carry no referrer and are never cached (they hold codes, tokens, state). */
const REDIRECT_HEADERS = { "Cache-Control": "no-store", Pragma: "no-cache", "Referrer-Policy": "no-referrer" };

/**
 * The authorization response in the request's response mode (pure but for the script nonce):
 * - query (RFC 6749 4.1.2): 302 to redirect_uri with the parameters appended to its query (an
 *   existing query is kept);
 * - fragment (RFC 6749 4.2.2): 302 to redirect_uri#parameters;
 * - form_post (OAuth 2.0 Form Post Response Mode): a 200 HTML page whose form posts the parameters
 *   to redirect_uri, submitted by a script allowed only through its CSP nonce, with a visible
 *   button inside <noscript>; not frameable;
 * - okta_post_message (spec: postMessage() data model): a 200 HTML page that calls
 *   `(window.opener || window.parent).postMessage(DATA, targetOrigin)`, DATA an object, targetOrigin
 *   the origin of redirect_uri (never "*"); frameable by that origin only (CSP frame-ancestors, no
 *   X-Frame-Options). `iss` is left out of DATA: okta-auth-js checks the message's origin instead.
 * Values are HTML-escaped in the form and JSON-escaped for the script (encodeScriptJson).
 */
export function buildAuthorizationResponse(input: AuthorizationResponseInput): PlainResponse {
  const { redirectUri, responseMode } = input;
  if (responseMode === "okta_post_message") return postMessagePage(input);
  const params: ResponseParams = [...input.params, ["iss", input.issuer]];
  if (responseMode === "form_post") return formPostPage(redirectUri, params, input.random ?? randomBytes, input.locale ?? DEFAULT_LOCALE);
  const encoded = new URLSearchParams(params.map(([name, value]) => [name, String(value)])).toString();
  const location = responseMode === "query" ? `${redirectUri}${redirectUri.includes("?") ? "&" : "?"}${encoded}` : `${redirectUri}#${encoded}`;
  return { status: 302, headers: { Location: location, ...REDIRECT_HEADERS } };
}

function formPostPage(redirectUri: string, params: ResponseParams, random: (size: number) => Buffer, locale: Locale): PlainResponse {
  const nonce = random(16).toString("base64");
  const t = createTranslator(AUTHORIZE_PAGE_MESSAGES, locale);
  const fields = params.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(String(value))}">`).join("");
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t("formPost.title"))}</title></head>` +
    `<body><form method="post" action="${escapeHtml(redirectUri)}">${fields}` +
    `<noscript><p>${escapeHtml(t("formPost.noScript"))}</p><button type="submit">${escapeHtml(t("formPost.continue"))}</button></noscript></form>` +
    `<script nonce="${nonce}">document.forms[0].submit();</script></body></html>`;
  return { status: 200, headers: pageSecurityHeaders({ scriptNonce: nonce }), html };
}

function postMessagePage(input: AuthorizationResponseInput): PlainResponse {
  const nonce = (input.random ?? randomBytes)(16).toString("base64");
  const targetOrigin = new URL(input.redirectUri).origin;
  const data = Object.fromEntries(input.params);
  const locale = input.locale ?? DEFAULT_LOCALE;
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(createTranslator(AUTHORIZE_PAGE_MESSAGES, locale)("postMessage.title"))}</title></head><body>` +
    `<script nonce="${nonce}">(function () { var data = ${encodeScriptJson(data)}; (window.opener || window.parent).postMessage(data, ${encodeScriptJson(targetOrigin)}); })();</script>` +
    `</body></html>`;
  return { status: 200, headers: pageSecurityHeaders({ scriptNonce: nonce, frameAncestors: targetOrigin }), html };
}
