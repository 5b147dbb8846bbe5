import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Request } from "@playwright/test";
import { adminApi } from "./admin-api";
import { E2E_IDP_PORT } from "./test-app/settings";
import { waitForProcess } from "./wait-for-process";

// @okta/oidc-middleware 5 in an Express app (e2e/express-app/server.mjs), unchanged, pointed at
// this server: the confidential-client sign-in without PKCE, userinfo, refresh token, and logout's
// revocations and end-session, all from the browser's point of view.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const PORT = E2E_IDP_PORT + 2;
const APP = `http://localhost:${PORT}`;
const admin = adminApi(IDP);
const suffix = Date.now().toString(36);

let child: ChildProcess | undefined;
let clientId = "";
let user = { id: "", login: "", password: "" };

test.beforeAll(async () => {
  const web = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Express app ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: {
      oauthClient: {
        application_type: "web",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [`${APP}/authorization-code/callback`],
        post_logout_redirect_uris: [`${APP}/`],
      },
    },
  });
  clientId = web.credentials.oauthClient.client_id;
  const login = `express.${suffix}@example.com`;
  const password = `Correct-Horse-express-${suffix}`;
  const created = await admin("POST", "/api/v1/users?activate=true", {
    profile: { firstName: "Erin", lastName: "Express", email: login, login },
    credentials: { password: { value: password } },
  });
  user = { id: created.id, login, password };
  await admin("POST", `/api/v1/apps/${web.id}/users`, { id: user.id, scope: "USER" });

  child = spawn(process.execPath, ["e2e/express-app/server.mjs"], {
    env: { ...process.env, EXPRESS_APP_PORT: String(PORT), ISSUER, CLIENT_ID: clientId, CLIENT_SECRET: web.credentials.oauthClient.client_secret },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForProcess(child, `${APP}/health`, 10_000);
});

test.afterAll(() => {
  child?.kill();
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
