import type { Locale } from "../i18n/locales";
import { escapeHtml } from "./escape-html";
import { HOSTED_SHELL_MESSAGES } from "./hosted-shell-messages";
import { hostedShellStyle, type PageBrand, type TouchPoint } from "./page-brand";

export type HostedShellInput = {
  brand: PageBrand;
  touchPoint: TouchPoint;
  /** the page's own title; the document title is "<title> · <product name>" */
  title: string;
  /** the card's content, HTML (every value in it escaped by the caller) */
  content: string;
  /** extra <head> markup (a referrer meta) */
  head?: string;
  /** a class on the card besides hs-card (hs-message for the message pages) */
  cardClass?: string;
  locale?: Locale;
};

/**
 * A whole hosted page as a string, in the one hosted page shell every hosted page shares (the
 * React pages render the same markup: app/_hosted/hosted-frame.tsx): header with the brand's logo
 * or product name, the card in <main>, the footer links; the brand's colours as CSS custom
 * properties in an inline <style> (no script, no external resource but the brand's own images).
 */
export function renderHostedShell(input: HostedShellInput): string {
  const { brand, locale = "en" } = input;
  const words = HOSTED_SHELL_MESSAGES[locale];
  const header = brand.logoUrl
    ? `<img class="hs-logo" src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.productName)}">`
    : `<p class="hs-product">${escapeHtml(brand.productName)}</p>`;
  const links = footerLinks(brand, words.privacyPolicy);
  const footer = links.length
    ? `<footer class="hs-footer"><nav aria-label="${escapeHtml(words.footerLinks)}"><ul>${links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`).join("")}</ul></nav></footer>`
    : "";
  const background = brand.background[input.touchPoint] === "image" && !brand.backgroundImageUrl ? "default" : brand.background[input.touchPoint];
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${input.head ?? ""}` +
    `<title>${escapeHtml(`${input.title} · ${brand.productName}`)}</title><style>${hostedShellStyle(brand)}</style></head>` +
    `<body><div class="hs" data-bg="${background}"><header class="hs-header">${header}</header>` +
    `<main class="hs-main"><div class="hs-card${input.cardClass ? ` ${escapeHtml(input.cardClass)}` : ""}">${input.content}</div></main>${footer}</div></body></html>`
  );
}

/** The footer's links: the brand's own, then its privacy policy. */
export function footerLinks(brand: PageBrand, privacyLabel: string): { label: string; url: string }[] {
  return [...brand.footerLinks, ...(brand.privacyPolicyUrl ? [{ label: privacyLabel, url: brand.privacyPolicyUrl }] : [])];
}
