import { adminApi } from "./admin-api";
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { OktaAuth } from "@okta/okta-auth-js";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";
import { expectNoSeriousA11yViolations } from "./page-checks";

// The browser flows of the hosted sign-in, driven by okta-auth-js 8 from a test app on another
// origin (e2e/test-app/server.mjs, started by playwright.config.ts), against the production build.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const APP = TEST_APP_ORIGIN;
const suffix = Date.now().toString(36);

type RunResult<T> = { ok: true; value: T } | { ok: false; error: { name?: string; errorCode?: string; errorSummary?: string; message?: string } };
type StoredTokens = { accessToken: string | null; idToken: string | null; refreshToken: string | null; claims: Record<string, unknown> | null; scopes: string[] | null };
declare global {
  interface Window {
    testApp: {
      sdkLoaded: boolean;
      configure(config: { clientId: string; scopes?: string[]; issuer?: string }): void;
      auth(overrides?: Record<string, unknown>): OktaAuth;
      stored(): Promise<StoredTokens>;
      run<T>(fn: (auth: OktaAuth) => Promise<T>, overrides?: Record<string, unknown>): Promise<RunResult<T>>;
    };
  }
}

const admin = adminApi(IDP);

type User = { id: string; login: string; password: string };
async function createUser(name: string): Promise<User> {
  const login = `${name}.${suffix}@example.com`;
  const password = `Correct-Horse-${name}-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", {
    profile: { firstName: name, lastName: "Tester", email: login, login },
    credentials: { password: { value: password } },
  });
  return { id: user.id, login, password };
}

const decodeJwt = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

/** Fills the hosted sign-in page by its labels. */
async function signIn(page: Page, user: { login: string; password: string }) {
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** A fresh browser (no IdP session) with the test app open and configured for `clientId`. */
async function openTestApp(browser: Browser, clientId: string, scopes?: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${APP}/`);
  await expect(page.locator("#status")).toHaveText("ready");
  expect(await page.evaluate(() => window.testApp.sdkLoaded)).toBe(true);
  await page.evaluate((config) => window.testApp.configure(config), { clientId, ...(scopes ? { scopes } : {}) });
  return { context, page };
}

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};

let spaClientId = "";
let webClientId = "";
let alice: User;
let bob: User;
let carol: User;
let locky: User;
const consentScope = `photos.${suffix}`;

test.beforeAll(async () => {
  const spa = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Browser Flows SPA ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: {
      oauthClient: {
        application_type: "browser",
        grant_types: ["authorization_code", "implicit", "refresh_token"],
        response_types: ["code", "token", "id_token"],
        redirect_uris: [`${APP}/callback`, `${APP}/implicit`, `${APP}/form_post`],
        post_logout_redirect_uris: [APP, `${APP}/signed-out`],
      },
    },
  });
  spaClientId = spa.credentials.oauthClient.client_id;
  const web = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Photo Web ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: {
      oauthClient: {
        application_type: "web",
        consent_method: "REQUIRED",
        grant_types: ["authorization_code"],
        response_types: ["code"],
        redirect_uris: [`${APP}/plain`],
      },
    },
  });
  webClientId = web.credentials.oauthClient.client_id;
  await admin("POST", "/api/v1/authorizationServers/default/scopes", {
    name: consentScope,
    displayName: "Read your photos",
    description: "See every photo you uploaded",
    consent: "REQUIRED",
  });
  // once per server (a worker restarted after a failure runs this again)
  const origins: { origin: string }[] = await admin("GET", "/api/v1/trustedOrigins");
  if (!origins.some((o) => o.origin === APP)) await admin("POST", "/api/v1/trustedOrigins", { name: `Test app ${suffix}`, origin: APP, scopes: [{ type: "CORS" }, { type: "REDIRECT" }] });
  alice = await createUser("alice");
  bob = await createUser("bob");
  carol = await createUser("carol");
  locky = await createUser("locky");
  for (const user of [alice, bob, carol, locky]) await admin("POST", `/api/v1/apps/${spa.id}/users`, { id: user.id, scope: "USER" });
  await admin("POST", `/api/v1/apps/${web.id}/users`, { id: carol.id, scope: "USER" });
});

test("/signin?return_to=/admin signs in and lands on /admin with the sid cookie; other targets go home", async ({ page, context }) => {
  await page.goto(`${IDP}/signin?return_to=/admin`);
  await expect(page).toHaveURL(`${IDP}/signin?return_to=%2Fadmin&started=1`);
  await signIn(page, { login: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD });
  await page.waitForURL(`${IDP}/admin`);
  const sid = (await context.cookies(IDP)).find((c) => c.name === "sid");
  expect(sid).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  for (const target of ["//evil.com", "https://evil.com/admin", "/\\evil.com"]) {
    // the browser holds the CSRF cookie now: the page renders at once, its hidden return_to is "/"
    await page.goto(`${IDP}/signin?return_to=${encodeURIComponent(target)}`);
    await expect(page.locator('input[name="return_to"]')).toHaveValue("/");
    await signIn(page, { login: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD });
    await page.waitForURL(`${IDP}/`);
  }
});

test.describe("okta-auth-js 8 from another origin", () => {
  test.describe.configure({ mode: "serial" });
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    ({ context, page } = await openTestApp(browser, spaClientId));
  });
  test.afterAll(() => context.close());

  test("getWithRedirect (PKCE) + the hosted sign-in page + parseFromUrl", async () => {
    await page.evaluate(() => {
      void window.testApp.auth().token.getWithRedirect({ state: "redirect-state" });
    });
    await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
    expect(page.url()).not.toContain("code_challenge");
    // parseFromUrl takes the code off the address once read, maybe before a waitForURL could see it:
    // record where the browser arrived instead
    const arrivals: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) arrivals.push(frame.url());
    });
    await signIn(page, alice);
    await expect(page.locator("#status")).toHaveText("signed-in");
    expect(arrivals.some((url) => url.startsWith(`${APP}/callback?code=`))).toBe(true);
    const result = JSON.parse((await page.locator("#result").textContent()) ?? "{}");
    expect(result).toMatchObject({ state: "redirect-state", sub: alice.id });
    expect(result.scopes).toEqual(expect.arrayContaining(["openid", "email", "profile", "offline_access"]));
    const stored = await page.evaluate(() => window.testApp.stored());
    expect(stored.accessToken).toBeTruthy();
    expect(stored.refreshToken).toBeTruthy();
    expect(stored.claims).toMatchObject({ iss: ISSUER, aud: spaClientId, sub: alice.id, email: alice.login });
    expect(decodeJwt(stored.accessToken!)).toMatchObject({ iss: ISSUER, cid: spaClientId, uid: alice.id });
  });

  test("getWithoutPrompt with the session: tokens from the hidden iframe", async () => {
    const result = await page.evaluate(() =>
      window.testApp.run(async (auth) => {
        const res = await auth.token.getWithoutPrompt({ scopes: ["openid", "email"] });
        return { sub: res.tokens.idToken?.claims.sub, at: Boolean(res.tokens.accessToken?.accessToken) };
      }),
    );
    expect(result).toEqual({ ok: true, value: { sub: alice.id, at: true } });
  });

  test("renewTokens: the refresh token grant (CORS), new tokens", async () => {
    const before = await page.evaluate(() => window.testApp.stored());
    const result = await page.evaluate(() =>
      window.testApp.run(async (auth) => {
        const renewed = await auth.token.renewTokens();
        auth.tokenManager.setTokens(renewed);
        return { sub: renewed.idToken?.claims.sub, refresh: renewed.refreshToken?.refreshToken ?? null };
      }),
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const after = await page.evaluate(() => window.testApp.stored());
    expect(after.accessToken).toBeTruthy();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.idToken).not.toBe(before.idToken);
    expect(after.claims).toMatchObject({ sub: alice.id });
  });

  test("signOut revokes the tokens, ends the session and comes back with state", async () => {
    const before = await page.evaluate(() => window.testApp.stored());
    const userinfo = (token: string) => fetch(`${ISSUER}/v1/userinfo`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await userinfo(before.accessToken!)).status).toBe(200);
    await page.evaluate(() => {
      void window.testApp.auth().signOut({ state: "bye-state" });
    });
    await page.waitForURL(`${APP}/signed-out?state=bye-state`);
    await expect(page.locator("#status")).toHaveText("signed-out");
    expect((await userinfo(before.accessToken!)).status).toBe(401);
    // the refresh token was revoked too
    const refresh = await fetch(`${ISSUER}/v1/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", client_id: spaClientId, refresh_token: before.refreshToken!, scope: "openid" }),
    });
    expect(refresh.status).toBe(400);
    expect((await context.cookies(IDP)).find((c) => c.name === "sid")).toBeUndefined();
    const later = await page.evaluate(() => window.testApp.run((auth) => auth.token.getWithoutPrompt()));
    expect(later).toMatchObject({ ok: false, error: { name: "OAuthError", errorCode: "login_required" } });
  });
});

test("getWithoutPrompt without a session: OAuthError login_required", async ({ browser }) => {
  const { context, page } = await openTestApp(browser, spaClientId);
  const result = await page.evaluate(() => window.testApp.run((auth) => auth.token.getWithoutPrompt()));
  expect(result).toMatchObject({ ok: false, error: { name: "OAuthError", errorCode: "login_required" } });
  await context.close();
});

test("getWithPopup: sign in in the popup, tokens in the app", async ({ browser }) => {
  const { context, page } = await openTestApp(browser, spaClientId);
  const popupPromise = context.waitForEvent("page");
  const pending = page.evaluate(() =>
    window.testApp.run(async (auth) => {
      const res = await auth.token.getWithPopup({ scopes: ["openid", "email"] });
      return { sub: res.tokens.idToken?.claims.sub, at: Boolean(res.tokens.accessToken?.accessToken) };
    }),
  );
  const popup = await popupPromise;
  await popup.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  await signIn(popup, bob);
  expect(await pending).toEqual({ ok: true, value: { sub: bob.id, at: true } });
  await context.close();
});

test("signInWithCredentials (POST /api/v1/authn, credentialed CORS) + getWithoutPrompt({sessionToken})", async ({ browser }) => {
  const { context, page } = await openTestApp(browser, spaClientId);
  const result = await page.evaluate(
    ({ login, password }) =>
      window.testApp.run(async (auth) => {
        const tx = await auth.signInWithCredentials({ username: login, password });
        const res = await auth.token.getWithoutPrompt({ sessionToken: tx.sessionToken, scopes: ["openid", "email"] });
        return { status: tx.status, sub: res.tokens.idToken?.claims.sub, at: Boolean(res.tokens.accessToken?.accessToken) };
      }),
    bob,
  );
  expect(result).toEqual({ ok: true, value: { status: "SUCCESS", sub: bob.id, at: true } });
  // the session token became an SSO session: a second silent request works without it
  const again = await page.evaluate(() => window.testApp.run(async (auth) => (await auth.token.getWithoutPrompt()).tokens.idToken?.claims.sub));
  expect(again).toEqual({ ok: true, value: bob.id });
  await context.close();
});

test("implicit, fragment: getWithRedirect (id_token token, nonce) parsed by okta-auth-js", async ({ browser }) => {
  const { context, page } = await openTestApp(browser, spaClientId, ["openid", "email"]);
  await page.evaluate(() => {
    void window.testApp.auth({ pkce: false, responseType: ["id_token", "token"] }).token.getWithRedirect({ state: "frag-state" });
  });
  await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  // parseFromUrl clears the fragment once read: keep the URL the browser landed on
  const landed: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) landed.push(frame.url());
  });
  await signIn(page, alice);
  await page.waitForURL(new RegExp(`^${APP}/callback`));
  const callbackUrl = landed.find((url) => url.startsWith(`${APP}/callback#`));
  expect(callbackUrl, landed.join(" ")).toBeTruthy();
  const fragment = new URLSearchParams(new URL(callbackUrl!).hash.slice(1));
  expect(fragment.get("access_token")).toBeTruthy();
  expect(fragment.get("id_token")).toBeTruthy();
  expect(fragment.get("state")).toBe("frag-state");
  expect(fragment.get("token_type")).toBe("Bearer");
  await expect(page.locator("#status")).toHaveText(/signed-in|error/);
  const parsed = JSON.parse((await page.locator("#result").textContent()) ?? "{}");
  expect(await page.locator("#status").textContent(), JSON.stringify(parsed)).toBe("signed-in");
  expect(parsed).toMatchObject({ state: "frag-state", sub: alice.id });
  await context.close();
});

test("implicit, form_post: the tokens are posted to the app", async ({ browser }) => {
  const { context, page } = await openTestApp(browser, spaClientId);
  const nonce = `n-${suffix}`;
  const query = new URLSearchParams({
    client_id: spaClientId,
    redirect_uri: `${APP}/form_post`,
    response_type: "id_token token",
    response_mode: "form_post",
    scope: "openid email",
    state: "post-state",
    nonce,
  });
  await page.goto(`${ISSUER}/v1/authorize?${query}`);
  await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  await signIn(page, alice);
  await page.waitForURL(`${APP}/form_post`);
  const fields = JSON.parse((await page.locator("#form-post").textContent()) ?? "{}");
  expect(fields).toMatchObject({ state: "post-state", token_type: "Bearer", scope: "openid email" });
  expect(decodeJwt(fields.id_token)).toMatchObject({ nonce, iss: ISSUER, aud: spaClientId, sub: alice.id });
  expect(decodeJwt(fields.access_token)).toMatchObject({ uid: alice.id, cid: spaClientId });
  await context.close();
});

test("consent: the page (accessible), Allow gives a code, Don't allow gives access_denied", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const authorize = (state: string, extra: Record<string, string> = {}) =>
    `${ISSUER}/v1/authorize?${new URLSearchParams({ client_id: webClientId, redirect_uri: `${APP}/plain`, response_type: "code", scope: `openid ${consentScope}`, state, ...extra })}`;
  await page.goto(authorize("allow-state"));
  await signIn(page, carol);
  await page.waitForURL(new RegExp(`^${IDP}/consent\\?request=ftx`));
  await expect(page.getByRole("heading", { name: `Allow Photo Web ${suffix} to use your account?` })).toBeVisible();
  await expect(page.getByRole("list", { name: `What Photo Web ${suffix} asks for` })).toContainText("Read your photos");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await page.waitForURL(new RegExp(`^${APP}/plain\\?code=`));
  expect(new URL(page.url()).searchParams.get("state")).toBe("allow-state");

  // granted once: not asked again
  await page.goto(authorize("again-state"));
  await page.waitForURL(new RegExp(`^${APP}/plain\\?code=`));

  await page.goto(authorize("deny-state", { prompt: "consent" }));
  await page.waitForURL(new RegExp(`^${IDP}/consent\\?request=ftx`));
  await page.getByRole("button", { name: "Don't allow" }).click();
  await page.waitForURL(new RegExp(`^${APP}/plain\\?error=access_denied`));
  const denied = new URL(page.url()).searchParams;
  expect(denied.get("state")).toBe("deny-state");
  expect(denied.get("iss")).toBe(ISSUER);
  await context.close();
});

test("sign-in page accessibility, with and without an error", async ({ page }) => {
  const { challenge } = pkce();
  const query = new URLSearchParams({ client_id: spaClientId, redirect_uri: `${APP}/callback`, response_type: "code", scope: "openid", state: "a11y", code_challenge: challenge, code_challenge_method: "S256" });
  await page.goto(`${ISSUER}/v1/authorize?${query}`);
  await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  await expectNoSeriousA11yViolations(page);
  await signIn(page, { login: alice.login, password: "not-the-password-1" });
  await expect(page.locator("#signin-error")).toHaveText("Unable to sign in");
  await expect(page.getByLabel("Username")).toHaveValue(alice.login);
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${IDP}/signin?return_to=/admin`);
  await expectNoSeriousA11yViolations(page);
});

test("lockout: ten wrong passwords, then the right one says the account is locked", async ({ page }) => {
  const { challenge } = pkce();
  const query = new URLSearchParams({ client_id: spaClientId, redirect_uri: `${APP}/callback`, response_type: "code", scope: "openid", state: "lock", code_challenge: challenge, code_challenge_method: "S256" });
  await page.goto(`${ISSUER}/v1/authorize?${query}`);
  await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  for (let i = 0; i < 10; i++) {
    await signIn(page, { login: locky.login, password: `wrong-password-${i}` });
    await expect(page.locator("#signin-error")).toHaveText("Unable to sign in");
  }
  expect((await admin("GET", `/api/v1/users/${locky.id}`)).status).toBe("LOCKED_OUT");
  // at once: the per-username rate limit (20 a minute) leaves room above the lockout threshold
  await signIn(page, locky);
  await expect(page.locator("#signin-error")).toHaveText("Your account is locked. Please contact your administrator.");
  await expect(page).toHaveURL(/error=locked/);
});

test("logout without a usable hint: the signed-out page; with one: back to the app with state", async ({ page, context }) => {
  // sign in through the authorize endpoint, keep the ID token
  const query = new URLSearchParams({ client_id: spaClientId, redirect_uri: `${APP}/implicit`, response_type: "id_token", scope: "openid", state: "s", nonce: "n" });
  await page.goto(`${ISSUER}/v1/authorize?${query}`);
  await signIn(page, alice);
  await page.waitForURL(new RegExp(`^${APP}/implicit#`));
  const idToken = new URLSearchParams(new URL(page.url()).hash.slice(1)).get("id_token")!;
  expect(idToken).toBeTruthy();

  await page.goto(`${ISSUER}/v1/logout?${new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: APP, state: "after logout" })}`);
  await page.waitForURL(new RegExp(`^${APP}/\\?state=`));
  expect(new URL(page.url()).searchParams.get("state")).toBe("after logout");
  expect((await context.cookies(IDP)).find((c) => c.name === "sid")).toBeUndefined();

  await page.goto(`${ISSUER}/v1/logout`);
  await expect(page.getByText("You have been signed out")).toBeVisible();
});
