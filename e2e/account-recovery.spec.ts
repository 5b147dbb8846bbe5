import { expect, test, type Page } from "@playwright/test";
import { adminApi } from "./admin-api";
import { latestMailLink } from "./read-mail";
import { E2E_IDP_PORT } from "./test-app/settings";
import { checkPage } from "./page-checks";

// Issue 17 items 2 and 3 in Chromium against the production build: "Forgot password?" from the
// sign-in page to a signed-in user through the email's link, an admin-created user's activation
// link, the expired-password step; axe (no serious or critical violation) and 390 px on every page.
// The links are read from the MailMessage rows of the e2e database (e2e/read-mail.ts).
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

/** The SSO session of the page's browser (GET /api/v1/sessions/me), or null. */
async function sessionLogin(page: Page): Promise<string | null> {
  const res = await page.request.get(`${IDP}/api/v1/sessions/me`);
  return res.status() === 200 ? ((await res.json()) as { login: string }).login : null;
}

test("Forgot password? from the sign-in page: the email's link, a new password, signed in; the link then says it was used", async ({ page }) => {
  const login = `rita.${suffix}@example.com`;
  await admin("POST", "/api/v1/users?activate=true", { profile: { firstName: "Rita", lastName: "Tester", email: login, login }, credentials: { password: { value: `Old-password-${suffix}` } } });

  await page.goto(`${IDP}/signin?return_to=%2Fadmin`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Username or email address").fill(login);
  await page.getByRole("button", { name: "Send the reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await checkPage(page);

  const link = latestMailLink(login, "/signin/reset-password/");
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("New password", { exact: true }).fill(`New-password-${suffix}`);
  await page.getByLabel("Repeat the new password").fill("something-else-1");
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.locator("#recovery-error")).toHaveText("The two passwords do not match.");
  await checkPage(page);
  await page.getByLabel("New password", { exact: true }).fill(`New-password-${suffix}`);
  await page.getByLabel("Repeat the new password").fill(`New-password-${suffix}`);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page).toHaveURL(`${IDP}/`);
  expect(await sessionLogin(page)).toBe(login);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await checkPage(page);
});

test("an admin-created user without a password: the activation email's link, a password, signed in and ACTIVE", async ({ page }) => {
  const login = `alma.${suffix}@example.com`;
  const user = await admin<{ id: string; status: string }>("POST", "/api/v1/users?activate=true", { profile: { firstName: "Alma", lastName: "Tester", email: login, login } });
  expect(user.status).toBe("PROVISIONED");
  const link = latestMailLink(login, "/welcome/");
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Welcome! Set up your account" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("New password", { exact: true }).fill("alma");
  await page.getByLabel("Repeat the new password").fill("alma");
  await page.getByRole("button", { name: "Activate account" }).click();
  await expect(page.locator("#recovery-error")).toContainText("at least 8 characters");
  await checkPage(page);
  await page.getByLabel("New password", { exact: true }).fill(`Welcome-${suffix}-1`);
  await page.getByLabel("Repeat the new password").fill(`Welcome-${suffix}-1`);
  await page.getByRole("button", { name: "Activate account" }).click();
  await expect(page).toHaveURL(`${IDP}/`);
  expect(await sessionLogin(page)).toBe(login);
  expect((await admin<{ status: string }>("GET", `/api/v1/users/${user.id}`)).status).toBe("ACTIVE");
});

test("an expired password: the sign-in asks for a new one, then signs in; German and French pages", async ({ page, browser }) => {
  const login = `eric.${suffix}@example.com`;
  const password = `Expiring-${suffix}-1`;
  const user = await admin<{ id: string }>("POST", "/api/v1/users?activate=true", { profile: { firstName: "Eric", lastName: "Tester", email: login, login }, credentials: { password: { value: password } } });
  await admin("POST", `/api/v1/users/${user.id}/lifecycle/expire_password`);
  await page.goto(`${IDP}/signin?return_to=%2Fadmin`);
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your password has expired" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill(`Renewed-${suffix}-2`);
  await page.getByLabel("Repeat the new password").fill(`Renewed-${suffix}-2`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).not.toHaveURL(/expired-password/);
  expect(await sessionLogin(page)).toBe(login);

  for (const [locale, heading] of [["de-DE", "Passwort zurücksetzen"], ["fr-FR", "Réinitialiser votre mot de passe"]] as const) {
    const context = await browser.newContext({ locale });
    const localized = await context.newPage();
    await localized.goto(`${IDP}/signin/forgot-password`);
    await expect(localized.getByRole("heading", { name: heading })).toBeVisible();
    await checkPage(localized);
    await context.close();
  }
});
