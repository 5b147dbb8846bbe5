import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { formatMessage } from "../i18n/format-message";
import type { PlainResponse } from "./plain-http";
import { escapeHtml } from "./escape-html";
import { HOSTED_MESSAGE_CATALOG } from "./hosted-messages";
import { pageSecurityHeaders } from "./page-security-headers";
import { currentPageBrand } from "./page-brand-context";
import type { PageBrand } from "./page-brand";
import { renderHostedShell } from "./render-hosted-shell";

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

/**
 * A small self-contained HTML page (no script, no external resources) with a title and a message:
 * what cannot go back to the client (an unknown client, an unregistered redirect URI, an expired
 * sign-in request), logout's signed-out, confirmation and refusal pages, the 503 "try again" page.
 * Not frameable, not cached, no referrer (pageSecurityHeaders; same-origin with a form). Its
 * language is `locale` (negotiated from ui_locales, Accept-Language and the org default by the
 * caller), hence `Vary: Accept-Language`. Drawn in the one hosted page shell (renderHostedShell) with
 * the brand of the request in progress (currentPageBrand), as an error page (Okta's error touch point).
 */
export function renderMessagePage(input: MessagePageInput, brand: PageBrand = currentPageBrand()): PlainResponse {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const details = input.error
    ? `<p><small>${escapeHtml(formatMessage(HOSTED_MESSAGE_CATALOG, locale, "page.errorDetails"))} <code>${escapeHtml(input.error.code)}</code> — ${escapeHtml(input.error.description)}</small></p>`
    : "";
  const link = input.link ? `<a href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.label)}</a>` : "";
  let actions = link ? `<p class="hs-actions">${link}</p>` : "";
  if (input.form) {
    const hidden = Object.entries(input.form.fields)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join("");
    actions =
      `<form method="post" action="${escapeHtml(input.form.action)}" aria-label="${escapeHtml(input.title)}">${hidden}` +
      `<div class="hs-actions"><button class="hs-button" type="submit" autofocus>${escapeHtml(input.form.submit)}</button>${link}</div></form>`;
  }
  const referrer = input.form ? `<meta name="referrer" content="same-origin">` : "";
  const html = renderHostedShell({
    brand,
    touchPoint: "error",
    title: input.title,
    head: referrer,
    cardClass: "hs-message",
    locale,
    content: `<h1>${escapeHtml(input.title)}</h1><p>${escapeHtml(input.message)}</p>${details}${actions}`,
  });
  const headers = pageSecurityHeaders();
  if (input.form) headers["Referrer-Policy"] = "same-origin";
  headers.Vary = "Accept-Language";
  return { status: input.status, headers, html };
}
