import { describe, expect, it } from "vitest";
import { brandCssVariables, DEFAULT_PAGE_BRAND, type PageBrand } from "./page-brand";
import { withPageBrand } from "./page-brand-context";
import { renderHostedShell } from "./render-hosted-shell";
import { renderMessagePage } from "./render-message-page";

const ACME: PageBrand = {
  productName: `Acme <"Login">`,
  logoUrl: `/brand-assets/${"a".repeat(64)}.png`,
  backgroundImageUrl: `/brand-assets/${"b".repeat(64)}.jpg`,
  colors: { primary: "#0b6e4f", onPrimary: "#ffffff", primaryHover: "#095e43", primaryText: "#0b6e4f", secondary: "#f2f7f5", onSecondary: "#000000" },
  background: { "sign-in": "secondary", error: "image" },
  footerLinks: [{ label: "Help & support", url: "https://acme.example/help?a=1&b=2" }],
  privacyPolicyUrl: "https://acme.example/privacy",
};

describe("the hosted page shell as a string", () => {
  it("draws the brand: logo (alt: the product name), colours as custom properties, footer links, the title with the product name", () => {
    const html = renderHostedShell({ brand: ACME, touchPoint: "error", title: "Oops", content: "<h1>Oops</h1>" });
    expect(html).toContain(`<title>Oops · Acme &lt;&quot;Login&quot;&gt;</title>`);
    expect(html).toContain(`<img class="hs-logo" src="/brand-assets/${"a".repeat(64)}.png" alt="Acme &lt;&quot;Login&quot;&gt;">`);
    expect(html).toContain(`<div class="hs" data-bg="image">`);
    expect(html).toContain(`--hs-primary:#0b6e4f;--hs-on-primary:#ffffff`);
    expect(html).toContain(`--hs-bg-image:url("/brand-assets/${"b".repeat(64)}.jpg")`);
    expect(html).toContain(
      `<footer class="hs-footer"><nav aria-label="Help and legal links"><ul><li><a href="https://acme.example/help?a=1&amp;b=2">Help &amp; support</a></li><li><a href="https://acme.example/privacy">Privacy policy</a></li></ul></nav></footer>`,
    );
    expect(html).toContain(`<main class="hs-main"><div class="hs-card"><h1>Oops</h1></div></main>`);
    expect(html).not.toMatch(/<script/i);
  });

  it("shows the product name when there is no logo, no footer without links, the default background when the image is missing", () => {
    const html = renderHostedShell({ brand: { ...DEFAULT_PAGE_BRAND, background: { "sign-in": "image", error: "default" } }, touchPoint: "sign-in", title: "T", content: "", locale: "de" });
    expect(html).toContain(`<header class="hs-header"><p class="hs-product">Identity Provider</p></header>`);
    expect(html).toContain(`data-bg="default"`);
    expect(html).toContain(`<html lang="de">`);
    expect(html).not.toContain("<footer");
  });

  it("never lets a stored value break out of the stylesheet (colours and image paths re-checked)", () => {
    const evil = { ...ACME, backgroundImageUrl: `/brand-assets/x.png");}*{display:none}`, colors: { ...ACME.colors, primary: "#000;}body{display:none}" } };
    const css = brandCssVariables(evil);
    expect(css).toContain("--hs-primary:#1d4ed8");
    expect(css).not.toContain("display:none");
    expect(css).not.toContain("--hs-bg-image");
  });

  it("renderMessagePage draws the request's brand (withPageBrand) and keeps its status, CSP and anti-framing", () => {
    const page = withPageBrand(ACME, () => renderMessagePage({ status: 400, title: "Bad request", message: "No." }));
    expect(page.status).toBe(400);
    expect(page.html).toContain(`alt="Acme &lt;&quot;Login&quot;&gt;"`);
    expect(page.html).toContain(`<div class="hs-card hs-message"><h1>Bad request</h1><p>No.</p></div>`);
    expect(page.headers).toMatchObject({ "X-Frame-Options": "DENY", "Cache-Control": "no-store", "Content-Security-Policy": expect.stringContaining("script-src 'none'") });
    expect(renderMessagePage({ status: 400, title: "Bad request", message: "No." }).html).toContain(`<p class="hs-product">Identity Provider</p>`);
  });
});
