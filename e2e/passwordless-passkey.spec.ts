import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { adminApi } from "./admin-api";
import { addVirtualAuthenticator } from "./virtual-authenticator";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";
import { expectNoSeriousA11yViolations } from "./page-checks";

// Issue 16 item 4 in Chromium against the production build: with the org setting
// passwordlessPasskeys on, a user registers a passkey (Chromium's virtual authenticator, CDP
// WebAuthn) at the factor step of a first sign-in, then signs in with "Sign in with a passkey"
// alone: no password, no factor page (a user-verifying passkey satisfies the sign-on policy's
// factor), amr ["hwk", "user"]; the sign-in page passes axe with the passkey button.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const CALLBACK = `${TEST_APP_ORIGIN}/callback`;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

type User = { id: string; login: string; password: string };
let clientId = "";
let paula: User;

function authorizeUrl() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state: "st", code_challenge: challenge, code_challenge_method: "S256" });
  return { url: `${ISSUER}/v1/authorize?${query}`, verifier };
}

async function idTokenClaims(page: Page, verifier: string): Promise<Record<string, unknown>> {
  const code = new URL(page.url()).searchParams.get("code");
  expect(code).toBeTruthy();
  const res = await fetch(`${ISSUER}/v1/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: code!, redirect_uri: CALLBACK, client_id: clientId, code_verifier: verifier }).toString(),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return JSON.parse(Buffer.from(body.id_token.split(".")[1], "base64url").toString("utf8"));
}


test.beforeAll(async () => {
  const spa = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Passwordless SPA ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: { oauthClient: { application_type: "browser", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: [CALLBACK] } },
  });
  clientId = spa.credentials.oauthClient.client_id;
  const login = `paula.${suffix}@example.com`;
  const password = `Correct-Horse-paula-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: "Paula", lastName: "Tester", email: login, login }, credentials: { password: { value: password } } });
  paula = { id: user.id, login, password };
  await admin("POST", `/api/v1/apps/${spa.id}/users`, { id: paula.id, scope: "USER" });
  const group = await admin("POST", "/api/v1/groups", { profile: { name: `Passwordless ${suffix}` } });
  await admin("PUT", `/api/v1/groups/${group.id}/users/${paula.id}`);
  const [policy] = await admin("GET", "/api/v1/policies?type=OKTA_SIGN_ON");
  await admin("POST", `/api/v1/policies/${policy.id}/rules`, {
    type: "SIGN_ON",
    name: `Passwordless ${suffix}`,
    conditions: { people: { groups: { include: [group.id] } }, network: { connection: "ANYWHERE" } },
    actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
  });
  await admin("POST", "/api/v1/org/settings", { passwordlessPasskeys: true });
});

test.afterAll(async () => {
  await admin("POST", "/api/v1/org/settings", { passwordlessPasskeys: false });
});

test("a registered passkey signs in without a password (Chromium's virtual authenticator); axe clean", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const authenticator = await addVirtualAuthenticator(context, page);

  // first sign-in: the password, then the policy asks for a factor and the user creates a passkey
  const first = authorizeUrl();
  await page.goto(first.url);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(paula.login);
  await page.getByLabel("Password", { exact: true }).fill(paula.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Set up a second way to sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, first.verifier)).toMatchObject({ amr: ["pwd", "hwk", "user", "mfa"] });

  // next time: no session, "Sign in with a passkey" alone (the authenticator waits for the click:
  // otherwise it would answer the page's conditional request at once)
  await context.clearCookies();
  await authenticator.present(false);
  const second = authorizeUrl();
  await page.goto(second.url);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Username")).toHaveAttribute("autocomplete", "username webauthn");
  const button = page.getByRole("button", { name: "Sign in with a passkey" });
  await expect(button).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await authenticator.present(true);
  await button.click();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, second.verifier)).toMatchObject({ amr: ["hwk", "user"], sub: paula.id });

  // conditional UI: the page's background request, answered by the (always present) authenticator, signs in without a click
  await context.clearCookies();
  const third = authorizeUrl();
  await page.goto(third.url);
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, third.verifier)).toMatchObject({ amr: ["hwk", "user"], sub: paula.id });
  await context.close();
});

test("the admin console's sign-in offers the passkey too", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${IDP}/admin`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await context.close();
});
