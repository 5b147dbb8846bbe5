import { expect, test, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_ADMIN_TOKEN } from "./e2e-settings";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// Branding (issue 17, item 6) in a real Chromium against the production build: a brand set through
// the Brands API (name, colours, a logo upload, the sign-in heading, help text and footer links)
// shows on the sign-in page, the consent page, My Account and an error page built as a string, all in the one
// hosted page shell; each is axe-clean (no serious or critical) and usable at 390 px. The dashboard's
// Branding page refuses a wrong-type upload with a clear message. The brand is put back afterwards.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const APP = TEST_APP_ORIGIN;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);
const PRODUCT = `Acme Login ${suffix}`;
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

let brandId = "";
let themePath = "";
let clientId = "";
const scope = `brand.photos.${suffix}`;
const user = { login: `brand.user.${suffix}@example.com`, password: `Correct-Horse-Brand-${suffix}` };

async function uploadLogo(): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(PNG)], { type: "image/png" }), "logo.png");
  const res = await fetch(`${IDP}${themePath}/logo`, { method: "POST", headers: { Authorization: `SSWS ${E2E_ADMIN_TOKEN}`, Accept: "application/json" }, body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { url: string }).url;
}

/** The page wears the brand: logo (alt: product name), footer links, the title's product name, the brand's button colour. */
async function expectBranded(page: Page) {
  await expect(page.getByRole("banner").getByRole("img", { name: PRODUCT })).toBeVisible();
  const footer = page.getByRole("navigation", { name: "Help and legal links" });
  await expect(footer.getByRole("link", { name: "Acme help" })).toHaveAttribute("href", "https://acme.example/help");
  await expect(footer.getByRole("link", { name: "Privacy policy" })).toHaveAttribute("href", "https://acme.example/privacy");
  await expect(page).toHaveTitle(new RegExp(` · ${PRODUCT}$`));
  expect(await page.locator("script:not([src]):not([nonce])").count()).toBe(0);
}

async function expectAccessibleAt390(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, overflow.widest.join(", ")).toBeLessThanOrEqual(390);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.beforeAll(async () => {
  const [brand] = await admin<{ id: string }[]>("GET", "/api/v1/brands");
  brandId = brand!.id;
  const [theme] = await admin<{ id: string }[]>("GET", `/api/v1/brands/${brandId}/themes`);
  themePath = `/api/v1/brands/${brandId}/themes/${theme!.id}`;
  await admin("PUT", `/api/v1/brands/${brandId}`, { name: PRODUCT, customPrivacyPolicyUrl: "https://acme.example/privacy", agreeToCustomPrivacyPolicy: true });
  await admin("PUT", themePath, { primaryColorHex: "#0b6e4f", secondaryColorHex: "#f2f7f5", signInPageTouchPointVariant: "BACKGROUND_SECONDARY_COLOR", errorPageTouchPointVariant: "OKTA_DEFAULT" });
  await uploadLogo();
  await admin("PUT", `/api/v1/brands/${brandId}/pages/sign-in/customized`, {
    widgetCustomizations: { signInLabel: "Sign in to Acme", classicFooterHelpTitle: "Use your Acme work email.", helpLabel: "Acme help", helpUrl: "https://acme.example/help" },
  });

  const web = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Branded Web ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "web", consent_method: "REQUIRED", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: [`${APP}/plain`] } },
  });
  clientId = web.credentials.oauthClient.client_id;
  await admin("POST", "/api/v1/authorizationServers/default/scopes", { name: scope, displayName: "Read your photos", consent: "REQUIRED" });
  const created = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: "Brand", lastName: "Tester", email: user.login, login: user.login }, credentials: { password: { value: user.password } } });
  await admin("POST", `/api/v1/apps/${web.id}/users`, { id: created.id, scope: "USER" });
});

test.afterAll(async () => {
  await admin("PUT", `/api/v1/brands/${brandId}`, { name: "Identity Provider", customPrivacyPolicyUrl: null, agreeToCustomPrivacyPolicy: false });
  await admin("PUT", themePath, { primaryColorHex: "#1d4ed8", primaryColorContrastHex: "#ffffff", secondaryColorHex: "#f8fafc", secondaryColorContrastHex: "#0f172a", signInPageTouchPointVariant: "OKTA_DEFAULT", errorPageTouchPointVariant: "OKTA_DEFAULT" });
  await admin("DELETE", `${themePath}/logo`);
  await admin("DELETE", `/api/v1/brands/${brandId}/pages/sign-in/customized`);
});

test("the brand shows on the sign-in and consent pages (axe, 390 px)", async ({ page }) => {
  await page.goto(`${ISSUER}/v1/authorize?${new URLSearchParams({ client_id: clientId, redirect_uri: `${APP}/plain`, response_type: "code", scope: `openid ${scope}`, state: "s" })}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Acme" })).toBeVisible();
  await expect(page.getByText("Use your Acme work email.")).toBeVisible();
  await expectBranded(page);
  expect(await page.getByRole("button", { name: "Sign in", exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(11, 110, 79)");
  expect(await page.locator(".hs").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(242, 247, 245)");
  await expectAccessibleAt390(page);

  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(new RegExp(`^${IDP}/consent\\?request=ftx`));
  await expect(page.getByRole("heading", { name: `Allow Branded Web ${suffix} to use your account?` })).toBeVisible();
  await expectBranded(page);
  expect(await page.getByRole("button", { name: "Allow", exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(11, 110, 79)");
  await expectAccessibleAt390(page);

  // My Account wears the same shell: logo, footer links, the brand's colours (same session)
  await page.goto(`${IDP}/account/password`);
  await expect(page.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("img", { name: PRODUCT })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Help and legal links" }).getByRole("link", { name: "Acme help" })).toHaveAttribute("href", "https://acme.example/help");
  expect(await page.getByRole("button", { name: "Change password" }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(11, 110, 79)");
  expect(await page.locator(".hs").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgb(242, 247, 245)");
  expect(await page.locator("script:not([src]):not([nonce])").count()).toBe(0);
  await expectAccessibleAt390(page);
});

test("the brand shows on an error page rendered as a string (same shell; status, CSP, no script)", async ({ page }) => {
  const response = (await page.goto(`${ISSUER}/v1/authorize?client_id=nope&redirect_uri=${encodeURIComponent(`${APP}/plain`)}&response_type=code&scope=openid`))!;
  expect(response.status()).toBe(400);
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  await expect(page.getByRole("heading", { level: 1, name: "This application's sign-in request is not valid" })).toBeVisible();
  await expectBranded(page);
  expect(await page.locator("script").count()).toBe(0);
  await expectAccessibleAt390(page);
  // The logo is served by us: its hash in the URL, cached for ever, never sniffed.
  const logo = await page.request.get(await page.getByRole("banner").getByRole("img").getAttribute("src").then((src) => `${IDP}${src}`));
  expect([logo.status(), logo.headers()["content-type"], logo.headers()["cache-control"], logo.headers()["x-content-type-options"]]).toEqual([200, "image/png", "public, max-age=31536000, immutable", "nosniff"]);
});

test("the dashboard's Branding page: preview, a wrong-type upload refused with a clear message (axe, 390 px)", async ({ page }) => {
  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto(`${IDP}/admin/branding`);
  await expect(page.getByRole("heading", { level: 1, name: "Branding" })).toBeVisible();
  await expect(page.getByTestId("brand-preview").getByRole("img", { name: PRODUCT })).toBeVisible();
  await expect(page.getByLabel("Product name")).toHaveValue(PRODUCT);
  await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>") });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText("The logo must be a PNG, JPEG or GIF image; this file is an SVG image, which is not accepted (it can carry script).")).toBeVisible();
  await expectAccessibleAt390(page);
});
