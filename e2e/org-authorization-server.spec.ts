import { expect, test, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { adminApi } from "./admin-api";
import { launchExpressApp, type ExpressApp } from "./express-app/launch-express-app";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// The org authorization server (issuer = the org URL itself, endpoints /oauth2/v1/*) from the SDKs'
// side: okta-auth-js 8 in the test app (e2e/test-app, configured with `issuer` = the org URL)
// through the redirect, the hidden iframe, refresh, the popup and sign-out; @okta/oidc-middleware
// 5 in the Express app (e2e/express-app) pointed at the org URL.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const APP = TEST_APP_ORIGIN;
const EXPRESS_PORT = E2E_IDP_PORT + 5;
const EXPRESS = `http://localhost:${EXPRESS_PORT}`;
const admin = adminApi(IDP);
const suffix = Date.now().toString(36);

type User = { id: string; login: string; password: string };
const decodeJwt = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

let spaClientId = "";
let alice: User;
let bob: User;

async function createUser(name: string): Promise<User> {
  const login = `org-${name}.${suffix}@example.com`;
  const password = `Correct-Horse-${name}-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: name, lastName: "Org", email: login, login }, credentials: { password: { value: password } } });
  return { id: user.id, login, password };
}

async function signIn(page: Page, user: User) {
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** A fresh browser with the test app configured for the SPA and the org issuer. */
async function openTestApp(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${APP}/`);
  await expect(page.locator("#status")).toHaveText("ready");
  await page.evaluate((config) => window.testApp.configure(config), { clientId: spaClientId, issuer: IDP });
  return { context, page };
}

test.beforeAll(async () => {
  const spa = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Org SPA ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: {
      oauthClient: {
        application_type: "browser",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [`${APP}/callback`],
        post_logout_redirect_uris: [`${APP}/signed-out`],
      },
    },
  });
  spaClientId = spa.credentials.oauthClient.client_id;
  const origins: { origin: string }[] = await admin("GET", "/api/v1/trustedOrigins");
  if (!origins.some((o) => o.origin === APP)) await admin("POST", "/api/v1/trustedOrigins", { name: `Test app ${suffix}`, origin: APP, scopes: [{ type: "CORS" }, { type: "REDIRECT" }] });
  alice = await createUser("alice");
  bob = await createUser("bob");
  for (const user of [alice, bob]) await admin("POST", `/api/v1/apps/${spa.id}/users`, { id: user.id, scope: "USER" });
});

test.describe("okta-auth-js 8 with issuer = the org URL", () => {
  test.describe.configure({ mode: "serial" });
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await openTestApp(browser));
  });
  test.afterAll(() => context.close());

  test("getWithRedirect (PKCE) through /oauth2/v1/authorize: ID token and access token from the org issuer", async () => {
    const authorizeUrls: string[] = [];
    page.on("request", (request: Request) => {
      if (request.url().startsWith(`${IDP}/oauth2/`) && new URL(request.url()).pathname.endsWith("/authorize")) authorizeUrls.push(request.url());
    });
    await page.evaluate(() => {
      void window.testApp.auth().token.getWithRedirect({ state: "org-state" });
    });
    await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
    expect(new URL(authorizeUrls[0]!).pathname).toBe("/oauth2/v1/authorize");
    await signIn(page, alice);
    await expect(page.locator("#status")).toHaveText("signed-in");
    expect(JSON.parse((await page.locator("#result").textContent()) ?? "{}")).toMatchObject({ state: "org-state", sub: alice.id });
    const stored = await page.evaluate(() => window.testApp.stored());
    expect(stored.claims).toMatchObject({ iss: IDP, aud: spaClientId, sub: alice.id, email: alice.login });
    expect(decodeJwt(stored.accessToken!)).toMatchObject({ iss: IDP, aud: IDP, cid: spaClientId, uid: alice.id });
    expect(stored.refreshToken).toBeTruthy();
  });

  test("getWithoutPrompt with the session: tokens from the hidden iframe (okta_post_message)", async () => {
    const result = await page.evaluate(() =>
      window.testApp.run(async (auth) => {
        const res = await auth.token.getWithoutPrompt({ scopes: ["openid", "email"] });
        return { iss: res.tokens.idToken?.claims.iss, sub: res.tokens.idToken?.claims.sub, at: Boolean(res.tokens.accessToken?.accessToken) };
      }),
    );
    expect(result).toEqual({ ok: true, value: { iss: IDP, sub: alice.id, at: true } });
  });

  test("renewTokens: the refresh token grant at /oauth2/v1/token (CORS)", async () => {
    const before = await page.evaluate(() => window.testApp.stored());
    const result = await page.evaluate(() =>
      window.testApp.run(async (auth) => {
        const renewed = await auth.token.renewTokens();
        auth.tokenManager.setTokens(renewed);
        return { sub: renewed.idToken?.claims.sub };
      }),
    );
    expect(result).toEqual({ ok: true, value: { sub: alice.id } });
    const after = await page.evaluate(() => window.testApp.stored());
    expect(after.accessToken).not.toBe(before.accessToken);
  });

  test("signOut: revocation and end-session at the org server, back to the app", async () => {
    const before = await page.evaluate(() => window.testApp.stored());
    const userinfo = (token: string) => fetch(`${IDP}/oauth2/v1/userinfo`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await userinfo(before.accessToken!)).status).toBe(200);
    // a custom server does not take the org server's token
    expect((await fetch(`${IDP}/oauth2/default/v1/userinfo`, { headers: { Authorization: `Bearer ${before.accessToken}` } })).status).toBe(401);
    await page.evaluate(() => {
      void window.testApp.auth().signOut({ state: "org-bye" });
    });
    await page.waitForURL(`${APP}/signed-out?state=org-bye`);
    expect((await userinfo(before.accessToken!)).status).toBe(401);
    expect((await context.cookies(IDP)).find((c) => c.name === "sid")).toBeUndefined();
  });
});

test("okta-auth-js getWithPopup with issuer = the org URL", async ({ browser }) => {
  const { context, page } = await openTestApp(browser);
  const popupPromise = context.waitForEvent("page");
  const pending = page.evaluate(() =>
    window.testApp.run(async (auth) => {
      const res = await auth.token.getWithPopup({ scopes: ["openid", "email"] });
      return { iss: res.tokens.idToken?.claims.iss, sub: res.tokens.idToken?.claims.sub };
    }),
  );
  const popup = await popupPromise;
  await popup.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  await signIn(popup, bob);
  expect(await pending).toEqual({ ok: true, value: { iss: IDP, sub: bob.id } });
  await context.close();
});

test.describe("@okta/oidc-middleware with issuer = the org URL", () => {
  let express: ExpressApp;

  test.beforeAll(async () => {
    express = await launchExpressApp(admin, { issuer: IDP, port: EXPRESS_PORT, name: "Org Express app" });
  });
  test.afterAll(() => {
    express?.stop();
  });

  test("signs in (code, client_secret_basic, ID token checked against /oauth2/v1/keys), reads userinfo, signs out", async ({ page }) => {
    const protocolPaths: string[] = [];
    page.on("request", (request: Request) => {
      const url = new URL(request.url());
      if (url.origin === IDP && url.pathname.startsWith("/oauth2/")) protocolPaths.push(url.pathname);
    });
    await page.goto(`${EXPRESS}/profile`);
    await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=`));
    expect(protocolPaths[0]).toBe("/oauth2/v1/authorize");
    const { user } = express;
    await signIn(page, user);
    await page.waitForURL(`${EXPRESS}/profile`);
    expect(JSON.parse((await page.locator("#userinfo").textContent()) ?? "{}")).toMatchObject({ sub: user.id, email: user.login });
    expect(JSON.parse((await page.locator("#tokens").textContent()) ?? "{}")).toEqual({ token_type: "Bearer", scope: "openid profile email offline_access", has_refresh_token: true, has_id_token: true });

    await page.goto(`${EXPRESS}/`);
    await expect(page.locator("#who")).toHaveText(`Signed in as ${user.login}`);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${EXPRESS}/`);
    await expect(page.locator("#who")).toHaveText("Signed out");
    expect(protocolPaths).toContain("/oauth2/v1/logout");
    // the SSO session ended: the protected page asks for a sign-in again
    await page.goto(`${EXPRESS}/profile`);
    await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=`));
  });
});
