import { expect, test } from "@playwright/test";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_ADMIN_TOKEN } from "./e2e-settings";
import { registerSampleApp, sampleAppLabel } from "./test-app/register-sample-app.mjs";
import { E2E_IDP_PORT, TEST_APP_ORIGIN } from "./test-app/settings";

// The README's "Your first app" walk-through: `npm run sample-app` registers the sample app through
// the management API (as register-sample-app.mjs does here) and a person signs in and out with the
// page's own buttons, as the first-run admin.
const IDP = `http://localhost:${E2E_IDP_PORT}`;

test("the sample app: registered once through the management API, then signed in and out with its buttons", async ({ page }) => {
  // the token exactly as the first-run banner prints it ("SSWS 00...")
  const first = await registerSampleApp({ orgUrl: IDP, apiToken: `SSWS ${E2E_ADMIN_TOKEN}`, appOrigin: TEST_APP_ORIGIN });
  expect(first.label).toBe(sampleAppLabel(TEST_APP_ORIGIN));
  expect(first.created.app).toBe(true);
  expect(first.created.assignment).toBe(true);
  expect(first.clientId).toMatch(/^0oa[0-9A-Za-z]+$/);
  const again = await registerSampleApp({ orgUrl: IDP, apiToken: E2E_ADMIN_TOKEN, appOrigin: TEST_APP_ORIGIN });
  expect(again).toEqual({ ...first, created: { app: false, assignment: false, trustedOrigin: false } });
  await expect(registerSampleApp({ orgUrl: IDP, apiToken: "00not-a-token", appOrigin: TEST_APP_ORIGIN })).rejects.toThrow(/answered 401: Invalid token provided/);

  await page.goto(`${TEST_APP_ORIGIN}/`);
  await expect(page.locator("#status")).toHaveText("ready");
  await expect(page.getByRole("heading", { level: 1, name: "Sample app" })).toBeVisible();
  await page.getByLabel("Client ID").fill(first.clientId);
  await page.getByRole("button", { name: "Sign in" }).click();

  await page.waitForURL(new RegExp(`^${IDP}/signin\\?`));
  await page.getByLabel("Username").fill(E2E_ADMIN_EMAIL);
  await page.getByLabel("Password", { exact: true }).fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  // back on the app: /callback has given way to / so that a reload does not replay the code
  await expect(page.getByRole("heading", { name: "Signed in" })).toBeVisible();
  await expect(page).toHaveURL(`${TEST_APP_ORIGIN}/`);
  await expect(page.locator("#who")).toContainText(`(${E2E_ADMIN_EMAIL})`);
  const claims = JSON.parse((await page.locator("#claims").textContent()) ?? "{}");
  expect(claims).toMatchObject({ iss: `${IDP}/oauth2/default`, aud: first.clientId, email: E2E_ADMIN_EMAIL });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Signed in" })).toBeVisible();
  await expect(page.getByRole("alert")).toBeHidden();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${TEST_APP_ORIGIN}/signed-out`);
  await expect(page.locator("#status")).toHaveText("signed-out");
  await expect(page.getByRole("heading", { name: "Signed in" })).toBeHidden();
  await expect(page.getByLabel("Client ID")).toHaveValue(first.clientId);
});
