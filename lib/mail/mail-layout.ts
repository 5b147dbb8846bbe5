import { escapeHtml } from "../http/escape-html";
import type { MailBrand } from "./mail-brand";
import { checkLink, singleLine } from "./mail-text";

/** What a message says, in order: paragraphs, an optional button, paragraphs after it. */
export type MailContent = {
  subject: string;
  before: string[];
  action?: { label: string; url: string };
  after: string[];
};

/** The texts every message shares, in the reader's language. */
export type MailChrome = { lang: string; linkFallback: string; automated: string };

const FALLBACK_COLOR = "#1d4ed8";
const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT_COLOR = "#1f2937";
const MUTED_COLOR = "#4b5563";

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The button's text colour: white or near-black, whichever contrasts more with the brand colour (WCAG 1.4.3). */
export function buttonTextColor(background: string): string {
  return contrast(background, "#ffffff") >= contrast(background, "#111827") ? "#ffffff" : "#111827";
}

/** The brand with every value made safe to put in markup: a colour that is `#rrggbb`, only http(s) links, one-line labels. */
export function safeBrand(brand: MailBrand): MailBrand {
  const link = (url: string | undefined) => {
    if (!url) return undefined;
    try {
      return checkLink(url, "a brand link");
    } catch {
      return undefined;
    }
  };
  return {
    productName: singleLine(brand.productName, 100) || "Identity Provider",
    logoUrl: link(brand.logoUrl),
    primaryColor: /^#[0-9a-f]{6}$/i.test(brand.primaryColor) ? brand.primaryColor.toLowerCase() : FALLBACK_COLOR,
    footerLinks: brand.footerLinks.flatMap((item) => {
      const url = link(item.url);
      const label = singleLine(item.label, 60);
      return url && label ? [{ label, url }] : [];
    }),
  };
}

const paragraph = (text: string, color = TEXT_COLOR, size = 16) => `<p style="margin:0 0 16px;${FONT};font-size:${size}px;line-height:1.5;color:${color}">${escapeHtml(text)}</p>`;

/**
 * The HTML body: a single-column table layout (what mail clients render alike), inline styles only,
 * `lang` and a title for screen readers, layout tables marked role="presentation", a real link as
 * the button (text in a contrasting colour) with the address spelled out below it, links opening
 * in a new window. Every text is escaped here; the brand is made safe by safeBrand.
 */
export function renderMailHtml(content: MailContent, brand: MailBrand, chrome: MailChrome): string {
  const color = brand.primaryColor;
  const header = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.productName)}" height="32" style="display:block;height:32px;width:auto;border:0">`
    : `<span style="${FONT};font-size:20px;font-weight:bold;color:${TEXT_COLOR}">${escapeHtml(brand.productName)}</span>`;
  const action = content.action;
  const button = action
    ? [
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px"><tr>`,
        `<td style="border-radius:6px;background-color:${color}" bgcolor="${color}">`,
        `<a href="${escapeHtml(action.url)}" target="_blank" rel="noopener noreferrer" style="display:inline-block;padding:12px 24px;${FONT};font-size:16px;font-weight:bold;color:${buttonTextColor(color)};text-decoration:none;border-radius:6px">${escapeHtml(action.label)}</a>`,
        `</td></tr></table>`,
        paragraph(chrome.linkFallback, MUTED_COLOR, 14),
        `<p style="margin:0 0 24px;${FONT};font-size:14px;line-height:1.5;word-break:break-all"><a href="${escapeHtml(action.url)}" target="_blank" rel="noopener noreferrer" style="color:${contrast(color, "#ffffff") >= 4.5 ? color : TEXT_COLOR};text-decoration:underline">${escapeHtml(action.url)}</a></p>`,
      ].join("\n")
    : "";
  const footerLinks = brand.footerLinks
    .map((item) => `<a href="${escapeHtml(item.url)}" target="_blank" rel="noopener noreferrer" style="color:${MUTED_COLOR};text-decoration:underline">${escapeHtml(item.label)}</a>`)
    .join(" &middot; ");
  return [
    `<!DOCTYPE html>`,
    `<html lang="${escapeHtml(chrome.lang)}" dir="ltr">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="color-scheme" content="light">`,
    `<title>${escapeHtml(content.subject)}</title>`,
    `</head>`,
    `<body style="margin:0;padding:0;background-color:#f3f4f6">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6"><tr><td align="center" style="padding:24px 12px">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border-radius:8px;border-top:4px solid ${color}">`,
    `<tr><td style="padding:24px 32px 8px">${header}</td></tr>`,
    `<tr><td style="padding:16px 32px 8px">`,
    `<main>`,
    ...content.before.map((text) => paragraph(text)),
    button,
    ...content.after.map((text) => paragraph(text)),
    `</main>`,
    `</td></tr>`,
    `<tr><td style="padding:16px 32px 24px;border-top:1px solid #e5e7eb">`,
    `<footer>`,
    paragraph(chrome.automated, MUTED_COLOR, 13),
    footerLinks ? `<p style="margin:0;${FONT};font-size:13px;line-height:1.5;color:${MUTED_COLOR}">${footerLinks}</p>` : "",
    `</footer>`,
    `</td></tr>`,
    `</table>`,
    `</td></tr></table>`,
    `</body>`,
    `</html>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** The plain-text alternative (RFC 2046 5.1.4 multipart/alternative): the same words, the link on a line of its own. */
export function renderMailText(content: MailContent, brand: MailBrand, chrome: MailChrome): string {
  const blocks = [...content.before];
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  blocks.push(...content.after);
  const footer = [chrome.automated, ...brand.footerLinks.map((item) => `${item.label}: ${item.url}`)].join("\n");
  return `${blocks.join("\n\n")}\n\n-- \n${footer}\n`;
}
