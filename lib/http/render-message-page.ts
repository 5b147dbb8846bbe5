import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { formatMessage } from "../i18n/format-message";
import type { PlainResponse } from "./plain-http";
import { escapeHtml } from "./escape-html";
import { HOSTED_MESSAGE_CATALOG } from "./hosted-messages";
import { pageSecurityHeaders } from "./page-security-headers";

export type MessagePageInput = {
  status: number;
  title: string;
  /** what happened and what to do, in plain words */
  message: string;
  /** the OAuth error code and description, shown small for support (never user data) */
  error?: { code: string; description: string };
  /**
   * A same-origin form under the message: hidden fields and one primary (focused) button. The page
   * then uses `Referrer-Policy: same-origin` (header and meta), without which browsers post it with
   * `Origin: null` and the receiving same-origin check refuses it.
   */
  form?: { action: string; fields: Record<string, string>; submit: string };
  /** a link under the message or beside the button (Cancel, Try again) */
  link?: { href: string; label: string };
  /** the language the texts are in (`<html lang>`, the page's own words); default English */
  locale?: Locale;
};

const STYLE =
  "body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a}" +
  "main{max-width:32rem;margin:4rem auto;padding:2rem;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem}" +
  "h1{font-size:1.375rem;margin:0 0 .75rem}p{line-height:1.5;color:#334155}code{font-size:.875rem}" +
  ".actions{display:flex;align-items:center;gap:1.25rem;margin-top:1.5rem}" +
  "button{font:inherit;font-weight:600;padding:.5rem 1.25rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}" +
  "button:hover{background:#1e40af}a{color:#1d4ed8}button:focus-visible,a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}";

/**
 * A small self-contained HTML page (no script, no external resources) with a title and a message:
 * what cannot go back to the client (an unknown client, an unregistered redirect URI, an expired
 * sign-in request), logout's signed-out, confirmation and refusal pages, the 503 "try again" page.
 * Not frameable, not cached, no referrer (pageSecurityHeaders; same-origin with a form). Its
 * language is `locale` (negotiated from ui_locales, Accept-Language and the org default by the
 * caller), hence `Vary: Accept-Language`.
 */
export function renderMessagePage(input: MessagePageInput): PlainResponse {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const details = input.error
    ? `<p><small>${escapeHtml(formatMessage(HOSTED_MESSAGE_CATALOG, locale, "page.errorDetails"))} <code>${escapeHtml(input.error.code)}</code> — ${escapeHtml(input.error.description)}</small></p>`
    : "";
  const link = input.link ? `<a href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.label)}</a>` : "";
  let actions = link ? `<p class="actions">${link}</p>` : "";
  if (input.form) {
    const hidden = Object.entries(input.form.fields)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join("");
    actions =
      `<form method="post" action="${escapeHtml(input.form.action)}" aria-label="${escapeHtml(input.title)}">${hidden}` +
      `<div class="actions"><button type="submit" autofocus>${escapeHtml(input.form.submit)}</button>${link}</div></form>`;
  }
  const referrer = input.form ? `<meta name="referrer" content="same-origin">` : "";
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${referrer}` +
    `<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.message)}</p>${details}${actions}</main></body></html>`;
  const headers = pageSecurityHeaders();
  if (input.form) headers["Referrer-Policy"] = "same-origin";
  headers.Vary = "Accept-Language";
  return { status: input.status, headers, html };
}
