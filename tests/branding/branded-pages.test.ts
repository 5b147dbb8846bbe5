import { afterAll, beforeAll, describe, expect, it } from "vitest";
import okta from "@okta/okta-sdk-nodejs";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { PNG_1PX } from "./brand-images";

const BRAND = "bndOrgDefaultBrand01";
const THEME = "thdOrgDefaultTheme01";

type FormDataPackage = { getBoundary(): string; getBuffer(): Buffer };

/**
 * okta-sdk-nodejs's request executor, answering from the route handlers instead of the network. An
 * upload's body is the `form-data` package's stream, which node-fetch sends as its bytes with
 * `multipart/form-data; boundary=...`: so does this.
 */
class RouteExecutor extends okta.RequestExecutor {
  override fetch(request: { url: string; method?: string; headers?: Record<string, string>; body?: unknown }) {
    const headers = new Headers(request.headers);
    let body = request.body as BodyInit | undefined;
    const form = request.body as Partial<FormDataPackage> | undefined;
    if (form && typeof form.getBoundary === "function" && typeof form.getBuffer === "function") {
      headers.set("Content-Type", `multipart/form-data; boundary=${form.getBoundary()}`);
      body = new Uint8Array(form.getBuffer());
    }
    return callRoute(new Request(request.url, { method: request.method ?? "GET", headers, body })) as never;
  }
}

async function page(path: string) {
  const response = await callRoute(new Request(`${ORG_URL}${path}`));
  return { status: response.status, headers: response.headers, html: await response.text() };
}

describe.each(testProviders())("branding through okta-sdk-nodejs CustomizationApi, shown on the hosted pages, on %s", (provider) => {
  let f: AdminFixture;
  let logoUrl = "";
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("okta-sdk-nodejs reads and replaces the brand, its theme, its logo and its sign-in page", async () => {
    const client = new okta.Client({ orgUrl: ORG_URL, token: ADMIN_TOKEN, requestExecutor: new RouteExecutor(), cacheMiddleware: null });
    const api = client.customizationApi;
    const brands: string[] = [];
    await (await api.listBrands()).each((brand) => {
      brands.push(`${brand.id}/${brand.name}/${brand.isDefault}`);
    });
    expect(brands).toEqual([`${BRAND}/Identity Provider/true`]);
    const renamed = await api.replaceBrand({ brandId: BRAND, brand: { name: "Acme Login", agreeToCustomPrivacyPolicy: true, customPrivacyPolicyUrl: "https://acme.example/privacy" } });
    expect([renamed.name, renamed.customPrivacyPolicyUrl]).toEqual(["Acme Login", "https://acme.example/privacy"]);
    expect((await api.getBrand({ brandId: BRAND })).name).toBe("Acme Login");

    const themes: string[] = [];
    await (await api.listBrandThemes({ brandId: BRAND })).each((theme) => {
      themes.push(`${theme.id}/${theme.primaryColorHex}`);
    });
    expect(themes).toEqual([`${THEME}/#1d4ed8`]);
    const theme = await api.replaceBrandTheme({
      brandId: BRAND,
      themeId: THEME,
      theme: { primaryColorHex: "#0b6e4f", secondaryColorHex: "#f2f7f5", signInPageTouchPointVariant: "OKTA_DEFAULT", errorPageTouchPointVariant: "BACKGROUND_SECONDARY_COLOR", endUserDashboardTouchPointVariant: "OKTA_DEFAULT", emailTemplateTouchPointVariant: "FULL_THEME" },
    });
    expect([theme.primaryColorHex, theme.errorPageTouchPointVariant]).toEqual(["#0b6e4f", "BACKGROUND_SECONDARY_COLOR"]);
    expect((await api.getBrandTheme({ brandId: BRAND, themeId: THEME })).secondaryColorHex).toBe("#f2f7f5");

    const uploaded = await api.uploadBrandThemeLogo({ brandId: BRAND, themeId: THEME, file: { data: PNG_1PX, name: "logo.png" } as never });
    expect(uploaded.url).toMatch(new RegExp(`^${ORG_URL}/brand-assets/[0-9a-f]{64}\\.png$`));
    logoUrl = uploaded.url!;

    const signIn = await api.replaceCustomizedSignInPage({
      brandId: BRAND,
      SignInPage: { widgetCustomizations: { signInLabel: "Sign in to Acme", classicFooterHelpTitle: "Use your Acme email.", helpLabel: "Acme help", helpUrl: "https://acme.example/help" } },
    });
    expect(signIn.widgetCustomizations?.signInLabel).toBe("Sign in to Acme");
    expect((await api.getCustomizedSignInPage({ brandId: BRAND })).widgetCustomizations?.helpUrl).toBe("https://acme.example/help");
  });

  it("the error pages built as strings wear the brand (logo, colours, footer links, title), with their status, CSP and anti-framing", async () => {
    const logoPath = new URL(logoUrl).pathname;
    for (const [path, status, title] of [
      ["/oauth2/default/v1/authorize", 400, "This application's sign-in request is not valid"],
      ["/unavailable?retry=/signin", 503, "Service temporarily unavailable"],
    ] as const) {
      const res = await page(path);
      expect(res.status).toBe(status);
      expect(res.html).toContain(`<title>${title.replace("'", "&#39;")} · Acme Login</title>`);
      expect(res.html).toContain(`<img class="hs-logo" src="${logoPath}" alt="Acme Login">`);
      expect(res.html).toContain(`<div class="hs" data-bg="secondary">`);
      expect(res.html).toContain("--hs-primary:#0b6e4f;--hs-on-primary:#ffffff");
      expect(res.html).toContain(`<li><a href="https://acme.example/help">Acme help</a></li><li><a href="https://acme.example/privacy">Privacy policy</a></li>`);
      expect(res.html).not.toMatch(/okta/i);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'none'");
    }
  });

  it("the signed-out page (logout) is the same shell", async () => {
    const res = await page("/oauth2/default/v1/logout");
    expect(res.html).toContain(`alt="Acme Login"`);
    expect(res.html).toContain(`class="hs-card hs-message"`);
  });

  it("a brand change shows on the next page at once (the branding cache topic)", async () => {
    await f.api("PUT", `/api/v1/brands/${BRAND}`, { name: "Acme Accounts" });
    await f.api("DELETE", `/api/v1/brands/${BRAND}/themes/${THEME}/logo`);
    const res = await page("/unavailable");
    expect(res.html).toContain(`<p class="hs-product">Acme Accounts</p>`);
    expect(res.html).toContain("<title>Service temporarily unavailable · Acme Accounts</title>");
  });
});
