import AxeBuilder from "@axe-core/playwright";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { adminApi } from "./admin-api";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// /v1/logout without a valid id_token_hint of the session's user asks first ("Sign out?"), in a real
// Chromium against the production build: the page's form posts back same-origin with the session's
// token, Cancel keeps the session, and the page is accessible (axe), script-free and not framable.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const APP = TEST_APP_ORIGIN;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

type User = { login: string; password: string };
let clientId = "";
let alice: User;
let bob: User;

async function createUser(name: string, appId: string): Promise<User> {
  const login = `${name}.logout.${suffix}@example.com`;
  const password = `Correct-Horse-${name}-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: name, lastName: "Tester", email: login, login }, credentials: { password: { value: password } } });
  await admin("POST", `/api/v1/apps/${appId}/users`, { id: user.id, scope: "USER" });
  return { login, password };
}

/** Signs `user` in through /authorize (implicit id_token) and returns the ID token; the browser keeps its session. */
async function signInForIdToken(page: Page, user: User): Promise<string> {
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: `${APP}/implicit`, response_type: "id_token", scope: "openid", state: "s", nonce: "n" });
  await page.goto(`${ISSUER}/v1/authorize?${query}`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(new RegExp(`^${APP}/implicit#`));
  return new URLSearchParams(new URL(page.url()).hash.slice(1)).get("id_token")!;
}

const hasSession = async (context: BrowserContext) => (await context.request.get(`${IDP}/api/v1/sessions/me`)).status() === 200;

test.beforeAll(async () => {
  const app = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Logout Confirmation SPA ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: { oauthClient: { application_type: "browser", grant_types: ["implicit"], response_types: ["id_token"], redirect_uris: [`${APP}/implicit`], post_logout_redirect_uris: [APP] } },
  });
  clientId = app.credentials.oauthClient.client_id;
  alice = await createUser("alice", app.id);
  bob = await createUser("bob", app.id);
});

test("without a hint: 'Sign out?' (accessible, no script, not framable); Cancel keeps the session, Sign out ends it", async ({ page, context }) => {
  await signInForIdToken(page, alice);
  expect(await hasSession(context)).toBe(true);

  const response = (await page.goto(`${ISSUER}/v1/logout`))!;
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["cache-control"]).toBe("no-store");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { level: 1, name: "Sign out?" })).toBeVisible();
  await expect(page).toHaveTitle("Sign out? · Identity Provider");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(page.getByRole("button")).toHaveCount(1);
  await expect(signOut).toBeFocused();
  await expect(page.getByRole("form", { name: "Sign out?" })).toBeVisible();
  expect(await page.locator("script").count()).toBe(0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  expect(await hasSession(context)).toBe(true);

  // Cancel: back home, still signed in
  await page.getByRole("link", { name: "Cancel, stay signed in" }).click();
  await page.waitForURL(`${IDP}/`);
  expect(await hasSession(context)).toBe(true);

  // Sign out, by keyboard (the button has the focus): the form posts same-origin with the session's token
  await page.goto(`${ISSUER}/v1/logout`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "You have been signed out" })).toBeVisible();
  expect((await context.cookies(IDP)).find((cookie) => cookie.name === "sid")).toBeUndefined();
  expect(await hasSession(context)).toBe(false);
});

test("a hint of another user asks too; confirming signs out and returns to the app with state", async ({ page, context, browser }) => {
  const other = await browser.newContext();
  const bobsToken = await signInForIdToken(await other.newPage(), bob);
  await other.close();
  await signInForIdToken(page, alice);

  await page.goto(`${ISSUER}/v1/logout?${new URLSearchParams({ id_token_hint: bobsToken, post_logout_redirect_uri: APP, state: "bye state" })}`);
  await expect(page.getByRole("heading", { level: 1, name: "Sign out?" })).toBeVisible();
  await expect(page.getByText("a different user than the one signed in here")).toBeVisible();
  expect(await hasSession(context)).toBe(true);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(new RegExp(`^${APP}/\\?state=`));
  expect(new URL(page.url()).searchParams.get("state")).toBe("bye state");
  expect(await hasSession(context)).toBe(false);
});

test("a page on another origin cannot sign the user out: its auto-submitted form is refused and the session stays", async ({ page, context }) => {
  await signInForIdToken(page, alice);
  await page.goto(`${ISSUER}/v1/logout`);
  const token = await page.locator('input[name="csrf"]').getAttribute("value");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // even knowing the token, a cross-origin post is refused (Origin check)
  await page.goto(`${APP}/health`);
  await page.setContent(`<form method="post" action="${ISSUER}/v1/logout"><input name="csrf" value="${token}"><button>go</button></form>`);
  await page.getByRole("button", { name: "go" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign-out not confirmed" })).toBeVisible();
  expect(await hasSession(context)).toBe(true);
});
