import { readOrgSettings } from "@/lib/org-settings/read-org-settings";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { readMailBrand } from "@/lib/branding/read-mail-brand";
import { GIF_1PX, HTML, JPEG_HEAD, PNG_1PX, pngOfSize, SVG, WEBP } from "./brand-images";

const BRAND = "bndOrgDefaultBrand01";
const THEME = "thdOrgDefaultTheme01";
const THEME_PATH = `/api/v1/brands/${BRAND}/themes/${THEME}`;

async function upload(path: string, data: Buffer, file: { name?: string; type?: string; field?: string } = {}) {
  const form = new FormData();
  form.append(file.field ?? "file", new Blob([new Uint8Array(data)], { type: file.type ?? "image/png" }), file.name ?? "logo.png");
  const response = await callRoute(new Request(`${ORG_URL}${path}`, { method: "POST", headers: { Authorization: `SSWS ${ADMIN_TOKEN}`, Accept: "application/json" }, body: form }));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function fetchPath(path: string) {
  const response = await callRoute(new Request(`${ORG_URL}${path}`));
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe.each(testProviders())("Brands and Themes API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("lists the one default brand the migration seeds, with Okta's Brand shape", async () => {
    const list = await f.api("GET", "/api/v1/brands");
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      {
        id: BRAND,
        name: "Identity Provider",
        isDefault: true,
        agreeToCustomPrivacyPolicy: false,
        customPrivacyPolicyUrl: null,
        removePoweredByOkta: false,
        locale: "en",
        defaultApp: { appInstanceId: null, appLinkName: null, classicApplicationUri: null },
        emailDomainId: null,
        _links: {
          self: { href: `${ORG_URL}/api/v1/brands/${BRAND}`, hints: { allow: ["GET", "PUT"] } },
          themes: { href: `${ORG_URL}/api/v1/brands/${BRAND}/themes`, hints: { allow: ["GET"] } },
        },
      },
    ]);
    expect((await f.api("GET", `/api/v1/brands/${BRAND}`)).body).toEqual(list.body[0]);
    const missing = await f.api("GET", "/api/v1/brands/bndNoSuchBrand000001");
    expect([missing.status, missing.body.errorCode, missing.body.errorSummary]).toEqual([404, "E0000007", "Not found: Resource not found: bndNoSuchBrand000001 (Brand)"]);
  });

  it("renames the brand and sets its privacy policy (PUT keeps fields left out), audited", async () => {
    const put = await f.api("PUT", `/api/v1/brands/${BRAND}`, { name: "Acme Login", customPrivacyPolicyUrl: "https://acme.example/privacy", agreeToCustomPrivacyPolicy: true });
    expect(put.status).toBe(200);
    expect([put.body.name, put.body.customPrivacyPolicyUrl, put.body.agreeToCustomPrivacyPolicy, put.body.locale]).toEqual(["Acme Login", "https://acme.example/privacy", true, "en"]);
    const again = await f.api("PUT", `/api/v1/brands/${BRAND}`, { locale: "de" });
    expect([again.body.name, again.body.locale]).toEqual(["Acme Login", "de"]);
    const events = await readLogEvents(f.db, { where: { eventType: "system.brand.update" }, orderBy: { published: "asc" } });
    expect(events.map((e) => [e.displayMessage, (e.debugContext as { debugData?: Record<string, unknown> })?.debugData?.changes])).toEqual([
      ["Update brand Acme Login", { name: { from: "Identity Provider", to: "Acme Login" }, customPrivacyPolicyUrl: { from: null, to: "https://acme.example/privacy" }, agreeToCustomPrivacyPolicy: { from: false, to: true } }],
      ["Update brand Acme Login", { locale: { from: "en", to: "de" } }],
    ]);
    await f.api("PUT", `/api/v1/brands/${BRAND}`, { locale: "en" });
  });

  it("the brand's locale is the org setting defaultLocale: one stored default language, read and written through either API", async () => {
    const settings = () => f.api("GET", "/api/v1/org/settings");
    const before = (await settings()).body.lastUpdated;
    f.clock.advance(1000);
    expect((await f.api("PUT", `/api/v1/brands/${BRAND}`, { locale: "fr" })).body.locale).toBe("fr");
    expect([(await settings()).body.defaultLocale, (await settings()).body.lastUpdated === before]).toEqual(["fr", false]);
    expect((await readOrgSettings(f.db)).defaultLocale).toBe("fr");
    expect((await f.api("POST", "/api/v1/org/settings", { defaultLocale: "de" })).status).toBe(200);
    expect((await f.api("GET", `/api/v1/brands/${BRAND}`)).body.locale).toBe("de");
    expect((await f.api("GET", "/api/v1/brands")).body.map((b: { locale: string }) => b.locale)).toEqual(["de"]);
    // a PUT without locale leaves the setting alone; a refused locale changes nothing
    await f.api("PUT", `/api/v1/brands/${BRAND}`, { name: "Acme Login" });
    expect((await f.api("PUT", `/api/v1/brands/${BRAND}`, { locale: "xx" })).status).toBe(400);
    expect((await readOrgSettings(f.db)).defaultLocale).toBe("de");
    await f.api("PUT", `/api/v1/brands/${BRAND}`, { locale: "en" });
    expect((await settings()).body.defaultLocale).toBe("en");
  });

  it.each([
    ["a privacy URL without agreement", { customPrivacyPolicyUrl: "https://acme.example/p" }, "agreeToCustomPrivacyPolicy: Must be true when customPrivacyPolicyUrl is set."],
    ["a javascript: privacy URL", { customPrivacyPolicyUrl: "javascript:alert(1)", agreeToCustomPrivacyPolicy: true }, "customPrivacyPolicyUrl: Must be an absolute https, http or mailto URL."],
    ["an empty name", { name: " " }, "name: The name is required."],
    ["an unsupported locale", { locale: "xx" }, "locale: Must be one of en, de, fr."],
    ["a default app", { defaultApp: { appInstanceId: "0oa1" } }, "defaultApp.appInstanceId: Invalid input: expected null, received string"],
  ])("refuses %s (400 E0000001)", async (_name, body, cause) => {
    const res = await f.api("PUT", `/api/v1/brands/${BRAND}`, body);
    expect([res.status, res.body.errorCode, res.body.errorCauses[0].errorSummary]).toEqual([400, "E0000001", cause]);
  });

  it("reads and replaces the theme: colours validated, contrast colours optional, variants kept when left out", async () => {
    const list = await f.api("GET", `/api/v1/brands/${BRAND}/themes`);
    expect(list.body).toEqual([
      {
        id: THEME,
        logo: null,
        favicon: null,
        backgroundImage: null,
        primaryColorHex: "#1d4ed8",
        primaryColorContrastHex: "#ffffff",
        secondaryColorHex: "#f8fafc",
        secondaryColorContrastHex: "#0f172a",
        signInPageTouchPointVariant: "OKTA_DEFAULT",
        endUserDashboardTouchPointVariant: "OKTA_DEFAULT",
        errorPageTouchPointVariant: "OKTA_DEFAULT",
        emailTemplateTouchPointVariant: "FULL_THEME",
        loadingPageTouchPointVariant: "OKTA_DEFAULT",
        _links: { self: { href: `${ORG_URL}${THEME_PATH}`, hints: { allow: ["GET", "PUT"] } } },
      },
    ]);
    const put = await f.api("PUT", THEME_PATH, { primaryColorHex: "#0B6E4F", secondaryColorHex: "#F2F7F5", signInPageTouchPointVariant: "BACKGROUND_SECONDARY_COLOR" });
    expect(put.status).toBe(200);
    expect([put.body.primaryColorHex, put.body.primaryColorContrastHex, put.body.secondaryColorHex, put.body.signInPageTouchPointVariant, put.body.emailTemplateTouchPointVariant]).toEqual([
      "#0b6e4f",
      null,
      "#f2f7f5",
      "BACKGROUND_SECONDARY_COLOR",
      "FULL_THEME",
    ]);
    expect((await f.api("GET", THEME_PATH)).body).toEqual(put.body);
    const event = (await readLogEvents(f.db, { where: { eventType: "system.theme.update" } }))[0]!;
    expect((event.debugContext as { debugData?: Record<string, unknown> })?.debugData?.changes).toMatchObject({ primaryColorHex: { from: "#1d4ed8", to: "#0b6e4f" }, primaryColorContrastHex: { from: "#ffffff", to: null } });
  });

  it.each([
    ["a named colour", { primaryColorHex: "red", secondaryColorHex: "#ffffff" }, "primaryColorHex: Must be a colour in the form #rrggbb."],
    ["a short hex", { primaryColorHex: "#fff", secondaryColorHex: "#ffffff" }, "primaryColorHex: Must be a colour in the form #rrggbb."],
    ["a CSS injection", { primaryColorHex: "#000000;}body{display:none", secondaryColorHex: "#ffffff" }, "primaryColorHex: Must be a colour in the form #rrggbb."],
    ["no secondary colour", { primaryColorHex: "#000000" }, "secondaryColorHex: Must be a string."],
    ["an unknown variant", { primaryColorHex: "#000000", secondaryColorHex: "#ffffff", errorPageTouchPointVariant: "PINK" }, "errorPageTouchPointVariant: Must be one of OKTA_DEFAULT, BACKGROUND_SECONDARY_COLOR, BACKGROUND_IMAGE."],
  ])("refuses a theme with %s (400 E0000001)", async (_name, body, cause) => {
    const res = await f.api("PUT", THEME_PATH, body);
    expect([res.status, res.body.errorCode, res.body.errorCauses[0].errorSummary]).toEqual([400, "E0000001", cause]);
  });

  it("uploads a logo: 201 {url}, the theme names it, served by us with its sniffed type, an immutable cache and nosniff", async () => {
    const res = await upload(`${THEME_PATH}/logo`, PNG_1PX, { name: "logo.png", type: "image/png" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ url: expect.stringMatching(new RegExp(`^${ORG_URL}/brand-assets/[0-9a-f]{64}\\.png$`)) });
    expect((await f.api("GET", THEME_PATH)).body.logo).toBe(res.body.url);
    const served = await fetchPath(new URL(res.body.url).pathname);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(PNG_1PX)).toBe(true);
    expect(Object.fromEntries(["content-type", "cache-control", "x-content-type-options", "content-security-policy"].map((h) => [h, served.headers.get(h)]))).toEqual({
      "content-type": "image/png",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    const event = (await readLogEvents(f.db, { where: { eventType: "system.theme.image.update" } }))[0]!;
    expect([event.displayMessage, (event.debugContext as { debugData?: Record<string, unknown> })?.debugData?.contentType, (event.debugContext as { debugData?: Record<string, unknown> })?.debugData?.byteSize]).toEqual(["Upload theme logo", "image/png", PNG_1PX.length]);
  });

  it("takes a JPEG and a GIF by their bytes whatever they are called, and a background image up to 1 MB", async () => {
    const jpeg = await upload(`${THEME_PATH}/logo`, JPEG_HEAD, { name: "logo.png", type: "image/png" });
    expect([jpeg.status, jpeg.body.url.endsWith(".jpg")]).toEqual([201, true]);
    expect((await fetchPath(new URL(jpeg.body.url).pathname)).headers.get("content-type")).toBe("image/jpeg");
    const gif = await upload(`${THEME_PATH}/background-image`, GIF_1PX, { name: "bg", type: "application/octet-stream" });
    expect([gif.status, gif.body.url.endsWith(".gif")]).toEqual([201, true]);
    const big = await upload(`${THEME_PATH}/background-image`, pngOfSize(1_000_000), { name: "bg.png" });
    expect(big.status).toBe(201);
    expect((await f.api("GET", THEME_PATH)).body.backgroundImage).toBe(big.body.url);
  });

  it.each([
    ["a logo over 100 KB", "logo", pngOfSize(100_001), "image/png", "The logo must be at most 100 KB; this file is 101 KB."],
    ["a background image over 1 MB", "background-image", pngOfSize(1_000_001), "image/png", "The background image must be at most 1000 KB; this file is 1001 KB."],
    ["an SVG (script risk)", "logo", SVG, "image/svg+xml", "The logo must be a PNG, JPEG or GIF image; this file is an SVG image, which is not accepted (it can carry script)."],
    ["HTML that claims to be a PNG", "logo", HTML, "image/png", "The logo must be a PNG, JPEG or GIF image; this file is not an image this server recognises."],
    ["a WebP", "logo", WEBP, "image/webp", "The logo must be a PNG, JPEG or GIF image; this file is a WebP image."],
    ["an empty file", "logo", Buffer.alloc(0), "image/png", "The logo file is empty."],
  ])("refuses %s (400 E0000001 file) and keeps the current image", async (_name, kind, data, type, cause) => {
    const before = (await f.api("GET", THEME_PATH)).body;
    const res = await upload(`${THEME_PATH}/${kind}`, data, { type });
    expect([res.status, res.body.errorCode, res.body.errorSummary, res.body.errorCauses]).toEqual([400, "E0000001", "Api validation failed: file", [{ errorSummary: cause }]]);
    expect((await f.api("GET", THEME_PATH)).body).toEqual(before);
  });

  it("refuses an upload that is not multipart (415) or has no file field (400)", async () => {
    const json = await f.api("POST", `${THEME_PATH}/logo`, { file: "x" });
    expect([json.status, json.body.errorCode]).toEqual([415, "E0000021"]);
    const wrongField = await upload(`${THEME_PATH}/logo`, PNG_1PX, { field: "image" });
    expect([wrongField.status, wrongField.body.errorCauses]).toEqual([400, [{ errorSummary: 'A file in the multipart/form-data field "file" is required.' }]]);
    const unknownTheme = await upload(`/api/v1/brands/${BRAND}/themes/thdNoSuchTheme000001/logo`, PNG_1PX);
    expect([unknownTheme.status, unknownTheme.body.errorCode]).toEqual([404, "E0000007"]);
  });

  it("deletes the logo (204): the theme has none and its URL no longer serves", async () => {
    const { logo } = (await f.api("GET", THEME_PATH)).body;
    expect((await f.api("DELETE", `${THEME_PATH}/logo`)).status).toBe(204);
    expect((await f.api("GET", THEME_PATH)).body.logo).toBeNull();
    expect((await fetchPath(new URL(logo).pathname)).status).toBe(404);
    expect((await fetchPath("/brand-assets/../../etc/passwd")).status).toBe(404);
    expect((await f.api("DELETE", `${THEME_PATH}/logo`)).status).toBe(204);
  });

  it("customises the sign-in page: heading, help text and footer links, javascript: links and custom HTML refused", async () => {
    const path = `/api/v1/brands/${BRAND}/pages/sign-in/customized`;
    expect((await f.api("GET", path)).body).toEqual({ widgetCustomizations: {} });
    const put = await f.api("PUT", path, {
      widgetCustomizations: { signInLabel: "Sign in to Acme", classicFooterHelpTitle: "Use your Acme email address.", helpLabel: "Help", helpUrl: "https://acme.example/help", customLink1Label: "Status", customLink1Url: "https://status.acme.example" },
    });
    expect([put.status, put.body]).toEqual([
      200,
      { widgetCustomizations: { signInLabel: "Sign in to Acme", classicFooterHelpTitle: "Use your Acme email address.", helpLabel: "Help", helpUrl: "https://acme.example/help", customLink1Label: "Status", customLink1Url: "https://status.acme.example" } },
    ]);
    expect((await f.api("GET", path)).body).toEqual(put.body);
    for (const [body, cause] of [
      [{ widgetCustomizations: { helpLabel: "Help", helpUrl: "javascript:alert(1)" } }, "widgetCustomizations.helpUrl: Must be an absolute https, http or mailto URL."],
      [{ widgetCustomizations: { customLink2Label: "x", customLink2Url: "data:text/html,<script>alert(1)</script>" } }, "widgetCustomizations.customLink2Url: Must be an absolute https, http or mailto URL."],
      [{ widgetCustomizations: { customLink1Url: "https://x.example" } }, "widgetCustomizations.customLink1Label: customLink1Label and customLink1Url go together."],
      [{ pageContent: "<html></html>", widgetCustomizations: {} }, "pageContent: Custom sign-in page HTML is not supported; use widgetCustomizations."],
    ] as const) {
      const res = await f.api("PUT", path, body);
      expect([res.status, res.body.errorCauses[0].errorSummary]).toEqual([400, cause]);
    }
    expect((await f.api("GET", path)).body).toEqual(put.body);
  });

  it("hands the mail renderer the brand in the mail's transaction (MailBrand)", async () => {
    const brand = await f.db.$transaction((tx) => readMailBrand(tx, { orgUrl: ORG_URL, locale: "en" }));
    expect(brand).toEqual({
      productName: "Acme Login",
      primaryColor: "#0b6e4f",
      footerLinks: [
        { label: "Help", url: "https://acme.example/help" },
        { label: "Status", url: "https://status.acme.example" },
        { label: "Privacy policy", url: "https://acme.example/privacy" },
      ],
    });
    const logo = await upload(`${THEME_PATH}/logo`, PNG_1PX);
    expect((await f.db.$transaction((tx) => readMailBrand(tx, { orgUrl: ORG_URL, locale: "en" }))).logoUrl).toBe(logo.body.url);
  });
});
