import { expect, test, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, pickEntry, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// The App Authentication tab of the sign-on policies: an authentication policy (ACCESS_POLICY)
// created, a DENY rule and an ALLOW rule with two factors added through the rule form, an app
// assigned through the app picker and listed with its policy; axe clean and usable at 390 px.

async function expectNotice(page: Page, text: string) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

test("app authentication policies: create, add rules, assign an app; axe clean at 1280 and 390 px", async ({ page, baseURL }) => {
  const stamp = Date.now();
  const policyName = `Vault policy ${stamp}`;
  const appLabel = `Vault ${stamp}`;
  await adminApi(baseURL!)("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: appLabel,
    signOnMode: "OPENID_CONNECT",
    settings: { oauthClient: { application_type: "web", redirect_uris: ["https://vault.example.com/cb"] } },
  });

  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.goto("/admin/sign-on-policies");
  await page.getByRole("navigation", { name: "Policy types" }).getByRole("link", { name: "App Authentication" }).click();
  const policies = page.getByRole("table", { name: "App authentication policies" });
  await expect(policies.getByRole("row").filter({ hasText: "Default" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  const add = page.getByRole("region", { name: "Add policy" });
  await add.getByLabel("Policy name").fill(policyName);
  await add.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { name: policyName, level: 1 })).toBeVisible();
  const rules = page.getByRole("table", { name: "Rules in priority order" });
  await expect(rules.getByRole("row").filter({ hasText: "Catch-all Rule" })).toContainText("Any one factor");

  // A DENY rule, then an ALLOW rule with two factors and reauthenticateIn; a bad duration is refused with the API's cause.
  const addRule = page.getByRole("region", { name: "Add rule" });
  await addRule.getByLabel("Rule name").fill("No access from outside");
  await addRule.getByLabel("Access", { exact: true }).selectOption("DENY");
  await addRule.getByRole("button", { name: "Create rule" }).click();
  await expectNotice(page, 'Created rule "No access from outside".');
  await expect(rules.getByRole("row").filter({ hasText: "No access from outside" })).toContainText("Access denied");
  await addRule.getByLabel("Rule name").fill("Two factors, recent");
  await addRule.getByLabel("Factors required").selectOption("2FA");
  await addRule.getByLabel("Sign in again after").fill("2 hours");
  await addRule.getByRole("button", { name: "Create rule" }).click();
  await expect(addRule.getByRole("alert")).toContainText("Must be an ISO 8601 duration");
  await addRule.getByLabel("Sign in again after").fill("PT2H");
  await addRule.getByRole("button", { name: "Create rule" }).click();
  await expectNotice(page, 'Created rule "Two factors, recent".');
  await expect(rules.getByRole("row").filter({ hasText: "Two factors, recent" })).toContainText("Two factors; sign in again after PT2H");

  // Assign the app through the picker.
  const apps = page.getByRole("region", { name: "Apps" });
  await pickEntry(apps, "App", appLabel);
  await apps.getByRole("button", { name: "Assign app" }).click();
  await expectNotice(page, `Assigned ${appLabel} to this policy.`);
  await expect(apps.getByRole("table", { name: "Apps assigned to this policy" })).toContainText(appLabel);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  let overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(390);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.goto("/admin/sign-on-policies/authentication");
  await expect(policies.getByRole("row").filter({ hasText: policyName })).toContainText(appLabel);
  overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(390);
  expect(await seriousAxeViolations(page)).toEqual([]);
});
