import { expect, test, type Request } from "@playwright/test";
import { adminApi } from "./admin-api";
import { launchExpressApp, type ExpressApp } from "./express-app/launch-express-app";
import { E2E_IDP_PORT } from "./test-app/settings";

// @okta/oidc-middleware 5 in an Express app (e2e/express-app/server.mjs), unchanged, pointed at
// this server: the confidential-client sign-in without PKCE, userinfo, refresh token, and logout's
// revocations and end-session, all from the browser's point of view.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const PORT = E2E_IDP_PORT + 2;
const APP = `http://localhost:${PORT}`;
const admin = adminApi(IDP);

let express: ExpressApp;
let clientId = "";
let user = { id: "", login: "", password: "" };

test.beforeAll(async () => {
  express = await launchExpressApp(admin, { issuer: ISSUER, port: PORT, name: "Express app" });
  ({ clientId, user } = express);
});

test.afterAll(() => {
  express?.stop();
});

test("@okta/oidc-middleware signs in without PKCE, reads userinfo, and signs out with revocation and end-session", async ({ page }) => {
  const authorizeRequests: URL[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.origin === IDP && url.pathname === "/oauth2/default/v1/authorize") authorizeRequests.push(url);
  });

  // a protected page: the middleware sends the browser to /login, then to our authorize endpoint
  await page.goto(`${APP}/profile`);
  await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=`));
  expect(authorizeRequests).toHaveLength(1);
  const authorize = authorizeRequests[0]!.searchParams;
  expect(authorize.get("client_id")).toBe(clientId);
  expect(authorize.get("response_type")).toBe("code");
  expect(authorize.get("redirect_uri")).toBe(`${APP}/authorization-code/callback`);
  expect(authorize.has("code_challenge")).toBe(false);

  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  // back on the protected page: the code was exchanged (client_secret_basic), the ID token checked
  // against our JWKS, and userinfo's sub matched the ID token's
  await page.waitForURL(`${APP}/profile`);
  expect(JSON.parse((await page.locator("#userinfo").textContent()) ?? "{}")).toMatchObject({ sub: user.id, email: user.login, given_name: "Erin", family_name: "Express" });
  expect(JSON.parse((await page.locator("#tokens").textContent()) ?? "{}")).toEqual({ token_type: "Bearer", scope: "openid profile email offline_access", has_refresh_token: true, has_id_token: true });

  await page.goto(`${APP}/`);
  await expect(page.locator("#who")).toHaveText(`Signed in as ${user.login}`);
  const since = new Date(Date.now() - 1_000).toISOString();
  await page.getByRole("button", { name: "Sign out" }).click();
  // revoke (refresh and access token), then our end-session endpoint, then back to the app
  await page.waitForURL(`${APP}/`);
  await expect(page.locator("#who")).toHaveText("Signed out");

  const filter = `eventType eq "app.oauth2.as.token.revoke" and actor.id eq "${clientId}"`;
  await expect
    .poll(async () => {
      const events: Array<{ outcome: { result: string }; target: Array<{ type: string }> }> = await admin("GET", `/api/v1/logs?since=${encodeURIComponent(since)}&filter=${encodeURIComponent(filter)}`);
      return events.map((event) => `${event.target[0]?.type} ${event.outcome.result}`).sort();
    })
    .toEqual(["AccessToken SUCCESS", "RefreshToken SUCCESS"]);

  // the SSO session ended too: the protected page asks for a sign-in again
  await page.goto(`${APP}/profile`);
  await page.waitForURL(new RegExp(`^${IDP}/signin\\?request=`));
});
