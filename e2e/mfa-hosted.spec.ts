import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { adminApi } from "./admin-api";
import { addVirtualAuthenticator } from "./virtual-authenticator";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";
import { expectNoSeriousA11yViolations } from "./page-checks";

// Issue 16 items 3 and 6 in Chromium against the production build: TOTP enrollment and sign-in on
// the hosted factor page (the code computed here with otplib), passkey registration and sign-in with
// Chromium's virtual authenticator (CDP WebAuthn), step-up with acr_values, and axe on every new page.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const CALLBACK = `${TEST_APP_ORIGIN}/callback`;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

type User = { id: string; login: string; password: string };
let clientId = "";
let tina: User; // in the MFA group: enrolls TOTP
let pat: User; // in the MFA group: enrolls a passkey
let sam: User; // not in the group, has TOTP: step-up

async function createUser(name: string): Promise<User> {
  const login = `${name}.${suffix}@example.com`;
  const password = `Correct-Horse-${name}-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: name, lastName: "Tester", email: login, login }, credentials: { password: { value: password } } });
  return { id: user.id, login, password };
}

const totp = (secret: string, offsetSeconds = 0) => generate({ secret, digits: 6, period: 30, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

function authorizeUrl(extra: Record<string, string> = {}) {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid", state: "st", code_challenge: challenge, code_challenge_method: "S256", ...extra });
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

async function signIn(page: Page, user: User) {
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(user.login);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}


test.beforeAll(async () => {
  const spa = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `MFA SPA ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: { oauthClient: { application_type: "browser", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: [CALLBACK] } },
  });
  clientId = spa.credentials.oauthClient.client_id;
  tina = await createUser("tina");
  pat = await createUser("pat");
  sam = await createUser("sam");
  for (const user of [tina, pat, sam]) await admin("POST", `/api/v1/apps/${spa.id}/users`, { id: user.id, scope: "USER" });
  const group = await admin("POST", "/api/v1/groups", { profile: { name: `MFA ${suffix}` } });
  for (const user of [tina, pat]) await admin("PUT", `/api/v1/groups/${group.id}/users/${user.id}`);
  const [policy] = await admin("GET", "/api/v1/policies?type=OKTA_SIGN_ON");
  await admin("POST", `/api/v1/policies/${policy.id}/rules`, {
    type: "SIGN_ON",
    name: `MFA ${suffix}`,
    conditions: { people: { groups: { include: [group.id] } }, network: { connection: "ANYWHERE" } },
    actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
  });
});

test("TOTP: first sign-in enrolls (QR code and key), the next one asks for a code", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const first = authorizeUrl();
  await page.goto(first.url);
  await signIn(page, tina);
  await expect(page.getByRole("heading", { name: "Set up a second way to sign in" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Set up Authenticator app (Google Authenticator)" }).click();
  await expect(page.getByRole("heading", { name: "Set up your authenticator app" })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code to add/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  const codeField = page.getByLabel("6-digit code");
  await expect(codeField).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeField).toHaveAttribute("inputmode", "numeric");
  await codeField.fill(await totp(secret));
  await page.getByRole("button", { name: "Verify and continue" }).click();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, first.verifier)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
  await context.close();

  const again = await browser.newContext();
  const page2 = await again.newPage();
  const second = authorizeUrl();
  await page2.goto(second.url);
  await signIn(page2, tina);
  await expect(page2.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  // a wrong code is announced
  await page2.getByLabel("6-digit code").fill((await totp(secret, 0)) === "000000" ? "111111" : "000000");
  await page2.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page2.getByRole("alert").first()).toContainText("That code did not work");
  await expectNoSeriousA11yViolations(page2);
  // the next time step's code (each code is single-use; ±1 step is accepted)
  await page2.getByLabel("6-digit code").fill(await totp(secret, 30));
  await page2.getByRole("button", { name: "Verify", exact: true }).click();
  await page2.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page2, second.verifier)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
  await again.close();
});

test("passkey: registration on first sign-in, then the passkey prompt (Chromium's virtual authenticator)", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await addVirtualAuthenticator(context, page);
  const first = authorizeUrl();
  await page.goto(first.url);
  await signIn(page, pat);
  await expect(page.getByRole("heading", { name: "Set up a second way to sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, first.verifier)).toMatchObject({ amr: ["pwd", "hwk", "user", "mfa"] });

  await context.clearCookies();
  const second = authorizeUrl();
  await page.goto(second.url);
  await signIn(page, pat);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  const claims = await idTokenClaims(page, second.verifier);
  expect(claims.amr).toEqual(expect.arrayContaining(["pwd", "mfa"]));
  await context.close();
});

test("step-up: acr_values urn:okta:loa:2fa:any asks a password-only session for its factor", async ({ browser }) => {
  const enrolled = await admin("POST", `/api/v1/users/${sam.id}/factors?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
  const secret: string = enrolled._embedded.activation.sharedSecret;
  const context = await browser.newContext();
  const page = await context.newPage();
  const plain = authorizeUrl();
  await page.goto(plain.url);
  await signIn(page, sam);
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, plain.verifier)).toMatchObject({ amr: ["pwd"] });

  const stepUp = authorizeUrl({ acr_values: "urn:okta:loa:2fa:any" });
  await page.goto(stepUp.url);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await page.getByLabel("6-digit code").fill(await totp(secret));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(CALLBACK));
  expect(await idTokenClaims(page, stepUp.verifier)).toMatchObject({ amr: ["pwd", "otp", "mfa"], acr: "urn:okta:loa:2fa:any" });
  await context.close();
});
