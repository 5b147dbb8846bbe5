import { expect, test, type Page } from "@playwright/test";
import type { OktaAuth } from "@okta/okta-auth-js";
import { generate } from "otplib";
import { adminApi } from "./admin-api";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// Issue 16 (Tests): okta-auth-js 8 in Chromium, from the test app on another origin
// (e2e/test-app/server.mjs), against the production build, through MFA_REQUIRED:
// signInWithCredentials -> MFA_REQUIRED -> factors[0].verify({passCode}) -> SUCCESS with a
// sessionToken -> getWithoutPrompt({sessionToken}) -> an ID token whose amr says pwd + otp + mfa.
// The user's TOTP factor is enrolled and activated through the Factors API (codes computed here with
// otplib), and a sign-on rule naming only this user demands a factor; both go away afterwards.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const APP = TEST_APP_ORIGIN;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

type RunResult<T> = { ok: true; value: T } | { ok: false; error: { name?: string; errorCode?: string; errorSummary?: string; message?: string } };
/** window.testApp of e2e/test-app/app.js, the part used here */
type TestApp = { sdkLoaded: boolean; configure(config: { clientId: string }): void; run<T>(fn: (auth: OktaAuth) => Promise<T>): Promise<RunResult<T>> };

// RFC 6238 4: HMAC-SHA-1, 6 digits, 30 s steps (the factor's _embedded.activation says so)
const totp = (secret: string, offsetSeconds = 0) => generate({ secret, digits: 6, period: 30, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

let app: { id: string; clientId: string };
let user: { id: string; login: string; password: string };
let factor: { id: string; secret: string };
let rule: { policyId: string; id: string };
let createdOrigin: string | null = null;

test.beforeAll(async () => {
  const spa = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Auth JS MFA SPA ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: { oauthClient: { application_type: "browser", grant_types: ["authorization_code"], response_types: ["code"], redirect_uris: [`${APP}/callback`] } },
  });
  app = { id: spa.id, clientId: spa.credentials.oauthClient.client_id };

  const login = `mfa.authjs.${suffix}@example.com`;
  const password = `Correct-Horse-Mfa-${suffix}`;
  const created = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: "Mfa", lastName: "Tester", email: login, login }, credentials: { password: { value: password } } });
  user = { id: created.id, login, password };
  await admin("POST", `/api/v1/apps/${app.id}/users`, { id: user.id, scope: "USER" });

  // the page calls /api/v1/authn and /token from the test app's origin: CORS (browser-flows makes it too)
  const origins: { origin: string; id: string }[] = await admin("GET", "/api/v1/trustedOrigins");
  if (!origins.some((o) => o.origin === APP)) {
    const origin = await admin("POST", "/api/v1/trustedOrigins", { name: `Auth JS MFA ${suffix}`, origin: APP, scopes: [{ type: "CORS" }, { type: "REDIRECT" }] });
    createdOrigin = origin.id;
  }

  // A TOTP factor, PENDING_ACTIVATION, activated with the code of the previous step (one step of
  // drift is accepted) so that the current step's code is still unused for the sign-in.
  const enrolled = await admin("POST", `/api/v1/users/${user.id}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
  expect(enrolled).toMatchObject({ status: "PENDING_ACTIVATION", _embedded: { activation: { timeStep: 30, encoding: "base32", keyLength: 6 } } });
  factor = { id: enrolled.id, secret: enrolled._embedded.activation.sharedSecret };
  const activated = await admin("POST", `/api/v1/users/${user.id}/factors/${factor.id}/lifecycle/activate`, { passCode: await totp(factor.secret, -30) });
  expect(activated).toMatchObject({ id: factor.id, status: "ACTIVE" });

  // The default global session policy with a rule for this user only: a factor at every sign-in.
  const [policy] = await admin("GET", "/api/v1/policies?type=OKTA_SIGN_ON");
  const signOnRule = await admin("POST", `/api/v1/policies/${policy.id}/rules`, {
    type: "SIGN_ON",
    name: `Auth JS MFA ${suffix}`,
    conditions: { people: { users: { include: [user.id] } }, network: { connection: "ANYWHERE" } },
    actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
  });
  rule = { policyId: policy.id, id: signOnRule.id };
});

test.afterAll(async () => {
  if (rule) await admin("DELETE", `/api/v1/policies/${rule.policyId}/rules/${rule.id}`);
  if (createdOrigin) await admin("DELETE", `/api/v1/trustedOrigins/${createdOrigin}`);
  if (user) {
    await admin("POST", `/api/v1/users/${user.id}/lifecycle/deactivate`);
    await admin("DELETE", `/api/v1/users/${user.id}`);
  }
  if (app) {
    await admin("POST", `/api/v1/apps/${app.id}/lifecycle/deactivate`);
    await admin("DELETE", `/api/v1/apps/${app.id}`);
  }
});

async function openTestApp(page: Page) {
  await page.goto(`${APP}/`);
  await expect(page.locator("#status")).toHaveText("ready");
  await page.evaluate((clientId) => (window as unknown as { testApp: TestApp }).testApp.configure({ clientId }), app.clientId);
}

test("signInWithCredentials -> MFA_REQUIRED -> factors[0].verify({passCode}) -> SUCCESS -> getWithoutPrompt({sessionToken}): amr pwd otp mfa", async ({ page }) => {
  await openTestApp(page);
  expect(await page.evaluate(() => (window as unknown as { testApp: TestApp }).testApp.sdkLoaded)).toBe(true);

  // the password alone: MFA_REQUIRED with the user's one factor (the transaction stays in the page)
  const first = await page.evaluate(
    ({ login, password }) =>
      (window as unknown as { testApp: TestApp }).testApp.run(async (auth) => {
        const tx = await auth.signInWithCredentials({ username: login, password });
        (window as unknown as { mfaTransaction: typeof tx }).mfaTransaction = tx;
        return { status: tx.status, sessionToken: tx.sessionToken ?? null, factors: (tx.factors ?? []).map((f) => ({ id: f.id, factorType: f.factorType, provider: f.provider })) };
      }),
    user,
  );
  expect(first).toEqual({ ok: true, value: { status: "MFA_REQUIRED", sessionToken: null, factors: [{ id: factor.id, factorType: "token:software:totp", provider: "GOOGLE" }] } });

  // the code of the current step (the activation used the previous one), computed here
  const passCode = await totp(factor.secret);
  const second = await page.evaluate(
    (code) =>
      (window as unknown as { testApp: TestApp }).testApp.run(async (auth) => {
        const tx = (window as unknown as { mfaTransaction: Awaited<ReturnType<OktaAuth["signInWithCredentials"]>> }).mfaTransaction;
        const done = await tx.factors![0]!.verify({ passCode: code });
        if (done.status !== "SUCCESS" || !done.sessionToken) return { status: done.status, sessionToken: false, amr: null, sub: null };
        const res = await auth.token.getWithoutPrompt({ sessionToken: done.sessionToken, scopes: ["openid", "email"] });
        return { status: done.status, sessionToken: true, amr: res.tokens.idToken?.claims.amr ?? null, sub: res.tokens.idToken?.claims.sub ?? null };
      }),
    passCode,
  );
  expect(second).toEqual({ ok: true, value: { status: "SUCCESS", sessionToken: true, amr: ["pwd", "otp", "mfa"], sub: user.id } });
});
