/** How a hosted page's background looks (Okta's touch-point variants): the default grey, the brand's secondary colour, or its background image. */
export type PageBackground = "default" | "secondary" | "image";

/** Which hosted pages a page belongs to (Okta's touch points): sign-in pages or error pages; each has its own background variant. */
export type TouchPoint = "sign-in" | "error";

/**
 * What the hosted page shell shows of the org's brand, resolved and safe to put in a page: colours
 * are `#rrggbb` (validated, contrast already resolved by lib/branding), image URLs are same-origin
 * paths of this server, link URLs are http(s)/mailto only (lib/branding/link-url).
 */
export type PageBrand = {
  /** the product's own name (the brand's name): header, page titles */
  productName: string;
  /** /brand-assets/<sha256>.<ext>, or null: the product name stands in the header */
  logoUrl: string | null;
  backgroundImageUrl: string | null;
  colors: {
    /** buttons */
    primary: string;
    /** text on primary (>= 4.5:1) */
    onPrimary: string;
    /** a button's hover */
    primaryHover: string;
    /** links and accents on white (>= 4.5:1) */
    primaryText: string;
    /** the page background of the BACKGROUND_SECONDARY_COLOR variant */
    secondary: string;
    /** text on secondary (>= 4.5:1) */
    onSecondary: string;
  };
  background: Record<TouchPoint, PageBackground>;
  footerLinks: { label: string; url: string }[];
  privacyPolicyUrl: string | null;
};

/** The brand before any is configured or when it cannot be read (the database is down): neutral, never "Okta". */
export const DEFAULT_PAGE_BRAND: PageBrand = {
  productName: "Identity Provider",
  logoUrl: null,
  backgroundImageUrl: null,
  colors: { primary: "#1d4ed8", onPrimary: "#ffffff", primaryHover: "#1e40af", primaryText: "#1d4ed8", secondary: "#f8fafc", onSecondary: "#0f172a" },
  background: { "sign-in": "default", error: "default" },
  footerLinks: [],
  privacyPolicyUrl: null,
};

const HEX = /^#[0-9a-fA-F]{6}$/;
const ASSET_PATH = /^\/brand-assets\/[0-9a-f]{64}\.(?:png|jpg|gif)$/;

/**
 * The brand's CSS custom properties on the shell's root element. Each value is checked again here
 * (a colour is #rrggbb, an image a /brand-assets path), so nothing from the database can break out
 * of the declaration. The React pages' Tailwind colours (`bg-brand-600`, `text-brand-700`) follow.
 */
export function brandCssVariables(brand: PageBrand): string {
  const color = (value: string, fallback: string) => (HEX.test(value) ? value : fallback);
  const c = brand.colors;
  const d = DEFAULT_PAGE_BRAND.colors;
  const vars: [string, string][] = [
    ["--hs-primary", color(c.primary, d.primary)],
    ["--hs-on-primary", color(c.onPrimary, d.onPrimary)],
    ["--hs-primary-hover", color(c.primaryHover, d.primaryHover)],
    ["--hs-primary-text", color(c.primaryText, d.primaryText)],
    ["--hs-secondary", color(c.secondary, d.secondary)],
    ["--hs-on-secondary", color(c.onSecondary, d.onSecondary)],
  ];
  if (brand.backgroundImageUrl && ASSET_PATH.test(brand.backgroundImageUrl)) vars.push(["--hs-bg-image", `url("${brand.backgroundImageUrl}")`]);
  return `.hs{${vars.map(([name, value]) => `${name}:${value}`).join(";")}}`;
}

/**
 * The hosted page shell's styles, one stylesheet for every hosted page (the React pages and the
 * pages rendered as strings): header with the logo or product name, the card, footer links, and
 * the message pages' text and buttons. Its selectors are all under `.hs`, and none touches an
 * element a React page styles with Tailwind except to apply the brand's colours.
 */
export const HOSTED_SHELL_CSS = [
  "body{margin:0}.hs{box-sizing:border-box;min-height:100vh;display:flex;flex-direction:column;margin:0;background:#f8fafc;color:#0f172a;",
  "font-family:ui-sans-serif,system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.5;",
  "--color-brand-600:var(--hs-primary);--color-brand-700:var(--hs-primary-text);--color-brand-800:var(--hs-primary-text)}",
  ".hs *,.hs *::before,.hs *::after{box-sizing:border-box}",
  ".hs[data-bg=secondary]{background:var(--hs-secondary);color:var(--hs-on-secondary)}",
  ".hs[data-bg=image]{background:#f8fafc var(--hs-bg-image,none) center/cover no-repeat}",
  ".hs-header{display:flex;align-items:center;justify-content:center;padding:1.5rem 1rem .25rem}",
  ".hs[data-bg=image] .hs-header,.hs[data-bg=image] .hs-footer{background:rgba(255,255,255,.94);color:#0f172a}",
  ".hs-logo{display:block;max-height:3rem;max-width:min(16rem,80vw);width:auto;height:auto}",
  ".hs-product{margin:0;font-size:1.125rem;font-weight:600;letter-spacing:-.01em}",
  ".hs-main{flex:1;width:100%;max-width:28rem;margin:0 auto;padding:1.5rem 1rem 2rem;display:flex;flex-direction:column;justify-content:center}",
  ".hs-card{background:#fff;color:#0f172a;border:1px solid #e2e8f0;border-radius:.75rem;padding:2rem;box-shadow:0 1px 2px rgba(15,23,42,.06);overflow-wrap:anywhere}",
  ".hs[data-width=wide] .hs-main{max-width:42rem;justify-content:flex-start}",
  "@media (max-width:420px){.hs-card{padding:1.25rem}.hs-main{padding:1rem .75rem 1.5rem}}",
  ".hs-footer{padding:1rem;font-size:.875rem}",
  ".hs-footer ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;justify-content:center;gap:.5rem 1.25rem}",
  ".hs-footer a{color:inherit;text-decoration:underline}",
  ".hs a:focus-visible,.hs button:focus-visible,.hs input:focus-visible,.hs select:focus-visible{outline:3px solid var(--hs-primary-text);outline-offset:2px}",
  ".hs .bg-brand-600{color:var(--hs-on-primary)}.hs .bg-brand-600:hover{background-color:var(--hs-primary-hover)}",
  ".hs-message h1{font-size:1.375rem;line-height:1.3;font-weight:600;margin:0 0 .75rem}",
  ".hs-message p{margin:0 0 .75rem;color:#334155}.hs-message code{font-size:.875rem}",
  ".hs-message a{color:var(--hs-primary-text)}",
  ".hs-actions{display:flex;flex-wrap:wrap;align-items:center;gap:1.25rem;margin-top:1.5rem}",
  ".hs-button{font:inherit;font-weight:600;padding:.5rem 1.25rem;border:0;border-radius:.375rem;background:var(--hs-primary);color:var(--hs-on-primary);cursor:pointer}",
  ".hs-button:hover{background:var(--hs-primary-hover)}",
  ".hs-signin-help{margin:-.75rem 0 1.25rem;color:#334155;font-size:.9375rem}",
].join("");

/** The shell's complete <style> text for a brand: the shared stylesheet and the brand's variables. */
export function hostedShellStyle(brand: PageBrand): string {
  return HOSTED_SHELL_CSS + brandCssVariables(brand);
}
