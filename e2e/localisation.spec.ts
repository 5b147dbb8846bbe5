import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { adminApi } from "./admin-api";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// Issue 17 item 7 in Chromium against the production build: the hosted pages in the language
// /authorize's ui_locales asks for (German), or the browser's Accept-Language (French), every page
// of the flow (sign-in, its error, the factor enrollment, consent in plain words, the error page
// /authorize renders itself) on <html lang>, axe clean (no serious or critical) and usable 390 px wide.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const ISSUER = `${IDP}/oauth2/default`;
const CALLBACK = `${TEST_APP_ORIGIN}/callback`;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);
const APP_LABEL = `Fotoalbum ${suffix}`;

type User = { id: string; login: string; password: string };
let clientId = "";
let greta: User; // consents in German
let francois: User; // in the MFA group: enrolls, in French

async function createUser(name: string): Promise<User> {
  const login = `${name}.${suffix}@example.com`;
  const password = `Correct-Horse-${name}-${suffix}`;
  const user = await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: name, lastName: "Tester", email: login, login }, credentials: { password: { value: password } } });
  return { id: user.id, login, password };
}

function authorizeUrl(extra: Record<string, string> = {}) {
  const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: CALLBACK, response_type: "code", scope: "openid email offline_access", state: "st", code_challenge: challenge, code_challenge_method: "S256", ...extra });
  return `${ISSUER}/v1/authorize?${query}`;
}

/** axe (no serious or critical violation) and, at 390 px, nothing wider than the screen. */
async function expectAccessibleAndNarrow(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize(viewport);
}

test.beforeAll(async () => {
  const spa = await admin("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: APP_LABEL,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
    settings: { oauthClient: { application_type: "browser", consent_method: "REQUIRED", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], redirect_uris: [CALLBACK] } },
  });
  clientId = spa.credentials.oauthClient.client_id;
  greta = await createUser("greta");
  francois = await createUser("francois");
  for (const user of [greta, francois]) await admin("POST", `/api/v1/apps/${spa.id}/users`, { id: user.id, scope: "USER" });
  const group = await admin("POST", "/api/v1/groups", { profile: { name: `MFA i18n ${suffix}` } });
  await admin("PUT", `/api/v1/groups/${group.id}/users/${francois.id}`);
  const [policy] = await admin("GET", "/api/v1/policies?type=OKTA_SIGN_ON");
  await admin("POST", `/api/v1/policies/${policy.id}/rules`, {
    type: "SIGN_ON",
    name: `MFA i18n ${suffix}`,
    conditions: { people: { groups: { include: [group.id] } }, network: { connection: "ANYWHERE" } },
    actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
  });
});

test("ui_locales=de: the sign-in page, its error and the consent page in German (plain words), whatever the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  const signin = await page.goto(authorizeUrl({ ui_locales: "de" }));
  await expect(page).toHaveURL(new RegExp(`^${IDP}/signin\\?request=ftx`));
  expect(signin!.headers().vary).toMatch(/(^|, )Accept-Language$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle(/^Anmelden/);
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await expect(page.getByText(`Weiter zu ${APP_LABEL}`)).toBeVisible();
  await expectAccessibleAndNarrow(page);

  await page.getByLabel("Benutzername").fill(greta.login);
  await page.getByLabel("Passwort", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page.locator("#signin-error")).toHaveText("Anmeldung nicht möglich");
  await expect(page.getByRole("button", { name: "Passwort anzeigen" })).toBeVisible();
  await expectAccessibleAndNarrow(page);

  await page.getByLabel("Passwort", { exact: true }).fill(greta.password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${IDP}/consent\\?request=ftx`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { name: `Darf ${APP_LABEL} Ihr Konto verwenden?` })).toBeVisible();
  const permissions = page.getByRole("list", { name: `Was ${APP_LABEL} anfragt` });
  await expect(permissions).toContainText("Ihre E-Mail-Adresse sehen");
  await expect(permissions).toContainText(`Bei ${APP_LABEL} angemeldet bleiben, auch wenn Sie nicht da sind`);
  await expect(page.getByText(`Sie sind als ${greta.login} angemeldet.`)).toBeVisible();
  await expectAccessibleAndNarrow(page);
  await page.getByRole("button", { name: "Erlauben", exact: true }).click();
  await page.waitForURL(new RegExp(`^${CALLBACK}\\?code=`));
  await context.close();
});

test("Accept-Language: fr: the sign-in and the factor enrollment pages in French", async ({ browser }) => {
  // Chromium sends the context's locale as Accept-Language ("fr-CA")
  const context = await browser.newContext({ locale: "fr-CA" });
  const page = await context.newPage();
  await page.goto(authorizeUrl());
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await page.getByLabel("Nom d’utilisateur").fill(francois.login);
  await page.getByLabel("Mot de passe", { exact: true }).fill(francois.password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`^${IDP}/signin/factor\\?request=ftx`));
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle(/^Confirmez votre identité/);
  await expect(page.getByRole("heading", { name: "Configurez un second moyen de connexion" })).toBeVisible();
  await expectAccessibleAndNarrow(page);
  await page.getByRole("button", { name: "Configurer : Application d’authentification (Google Authenticator)" }).click();
  await expect(page.getByRole("heading", { name: "Configurez votre application d’authentification" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Code QR pour ajouter/ })).toBeVisible();
  await page.getByLabel("Code à 6 chiffres").fill("12345");
  await page.getByRole("button", { name: "Vérifier et continuer" }).click();
  await expect(page.locator("#factor-error")).toHaveText("Saisissez le code à 6 chiffres de votre application d’authentification.");
  await expectAccessibleAndNarrow(page);
  await context.close();
});

test("the error page /authorize renders itself (an unknown client), in the language asked for", async ({ page }) => {
  const response = await page.goto(`${ISSUER}/v1/authorize?${new URLSearchParams({ client_id: "nope", redirect_uri: CALLBACK, response_type: "code", ui_locales: "de" })}`);
  expect(response!.status()).toBe(400);
  expect(response!.headers().vary).toMatch(/(^|\n)Accept-Language$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1, name: "Die Anmeldeanfrage dieser Anwendung ist ungültig" })).toBeVisible();
  await expectAccessibleAndNarrow(page);
});

test("the discovery document lists the languages", async ({ request }) => {
  const config = await (await request.get(`${ISSUER}/.well-known/openid-configuration`)).json();
  expect(config.ui_locales_supported).toEqual(["en", "de", "fr"]);
});
