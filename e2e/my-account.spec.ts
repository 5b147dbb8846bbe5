import { expect, test, type Browser, type Page } from "@playwright/test";
import { adminApi } from "./admin-api";
import { horizontalOverflow, seriousAxeViolations } from "./dashboard-helpers";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// Issue 17 item 5: My Account (/account) in Chromium: sign in, every page accessible (axe: no
// serious or critical violation) and usable 390 px wide, end another session (a second browser),
// revoke an app's consent (its refresh token then inactive at introspection), change the password
// and sign in again with it.

const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const APP = TEST_APP_ORIGIN;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);
const PAGES = ["/account", "/account/password", "/account/email", "/account/sessions", "/account/apps", "/account/sign-in-methods"];

let user = { login: "", password: "" };
let web = { clientId: "", secret: "" };
const scope = `files.${suffix}`;

test.beforeAll(async () => {
  const login = `account.${suffix}@example.com`;
  user = { login, password: `Correct-Horse-Account-${suffix}` };
  const created = await admin<{ id: string }>("POST", "/api/v1/users?activate=true", { profile: { firstName: "Ada", lastName: "Account", email: login, login }, credentials: { password: { value: user.password } } });
  const app = await admin<{ id: string; credentials: { oauthClient: { client_id: string; client_secret: string } } }>("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Files ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "web", consent_method: "REQUIRED", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], redirect_uris: [`${APP}/plain`] } },
  });
  web = { clientId: app.credentials.oauthClient.client_id, secret: app.credentials.oauthClient.client_secret };
  await admin("POST", `/api/v1/apps/${app.id}/users`, { id: created.id, scope: "USER" });
  await admin("POST", "/api/v1/authorizationServers/default/scopes", { name: scope, displayName: "Read your files", description: "See the files you stored", consent: "REQUIRED" });
});

async function signInAt(page: Page, path: string, password = user.password) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/signin\?(.*&)?return_to=/);
  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${IDP}${path}`);
}

async function newSignedInPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAt(page, "/account");
  return { context, page };
}

const basic = () => `Basic ${Buffer.from(`${web.clientId}:${web.secret}`).toString("base64")}`;
async function introspectActive(refreshToken: string): Promise<boolean> {
  const res = await fetch(`${ISSUER}/v1/introspect`, { method: "POST", headers: { Authorization: basic(), "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }, body: new URLSearchParams({ token: refreshToken, token_type_hint: "refresh_token" }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { active: boolean }).active;
}

test("My Account: every page accessible and 390 px wide; end another session; revoke an app; change the password and sign in with it", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await newSignedInPage(browser);
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();

  // the app: consent (offline_access and the app's scope), a code, a refresh token
  await page.goto(`${ISSUER}/v1/authorize?${new URLSearchParams({ client_id: web.clientId, redirect_uri: `${APP}/plain`, response_type: "code", scope: `openid offline_access ${scope}`, state: "s" })}`);
  await page.waitForURL(new RegExp(`^${IDP}/consent\\?request=`));
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await page.waitForURL(new RegExp(`^${APP}/plain\\?code=`));
  const code = new URL(page.url()).searchParams.get("code")!;
  const tokenRes = await fetch(`${ISSUER}/v1/token`, { method: "POST", headers: { Authorization: basic(), "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }, body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: `${APP}/plain` }) });
  const tokens = (await tokenRes.json()) as { refresh_token?: string };
  expect(tokenRes.status, JSON.stringify(tokens)).toBe(200);
  const refreshToken = tokens.refresh_token!;
  expect(await introspectActive(refreshToken)).toBe(true);

  const other = await newSignedInPage(browser);

  for (const path of PAGES) {
    await page.setViewportSize({ width: 1280, height: 800 });
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    expect(res?.headers()["cache-control"], path).toContain("no-store");
    expect(res?.headers()["x-frame-options"], path).toBe("DENY");
    expect(await seriousAxeViolations(page), path).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect((await horizontalOverflow(page)).scrollWidth, path).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page), `${path} at 390 px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // end the other browser's session
  await page.goto("/account/sessions");
  const otherSession = page.getByTestId("account-session").filter({ has: page.getByRole("heading", { name: "Other device" }) });
  await expect(otherSession).toHaveCount(1);
  await otherSession.getByRole("button", { name: "End session" }).click();
  await expect(page.getByRole("status")).toHaveText("The session was ended.");
  await other.page.goto("/account");
  await expect(other.page).toHaveURL(/\/signin\?(.*&)?return_to=/);
  await other.context.close();

  // revoke the app: its refresh token is inactive
  await page.goto("/account/apps");
  const appItem = page.getByTestId("account-app").filter({ hasText: `Files ${suffix}` });
  await expect(appItem).toContainText("Read your files");
  await expect(appItem).toContainText("Keep access while you are away");
  await appItem.getByRole("button", { name: "Revoke access" }).click();
  await expect(page.getByRole("status")).toHaveText("The app's access was revoked.");
  expect(await introspectActive(refreshToken)).toBe(false);

  // change the password (a wrong current one first: announced), then sign in with the new one
  await page.goto("/account/password");
  const next = `Brand-New-Password-${suffix}`;
  await page.getByLabel("Current password").fill("not-the-password");
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#account-notice[role=alert]")).toHaveText("Your current password is not correct.");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed.");
  await context.close();

  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await signInAt(again, "/account/password", next);
  await fresh.close();
});

test("My Account without JavaScript: the profile form posts and shows its notice", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const password = user.password;
  // the previous test may have changed the password: use whichever works
  await page.goto("/account");
  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(`Brand-New-Password-${suffix}`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (!page.url().endsWith("/account")) {
    await page.getByLabel("Username").fill(user.login);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  await expect(page).toHaveURL(`${IDP}/account`);
  await page.getByLabel("Display name").fill("Ada A.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page).toHaveURL(`${IDP}/account?done=saved`);
  await expect(page.getByRole("status")).toHaveText("Your profile was saved.");
  await expect(page.getByLabel("Display name")).toHaveValue("Ada A.");
  await context.close();
});
