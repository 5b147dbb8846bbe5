import { expect, test, type Page } from "@playwright/test";
import { adminApi, pickEntry, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// The admin dashboard in Chromium against the production build: an admin signs in through the
// hosted sign-in page and builds a working authorization server end to end; a non-admin is refused.

/** The success message an action leaves (a polite live region above the page). */
async function expectNotice(page: Page, text: string) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

test("an admin builds an authorization server, an SPA and a user, previews a token, rotates the keys and signs out", async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const serverName = `Orders API ${suffix}`;
  const scopeName = `orders:read:${suffix}`;
  const userLogin = `ada.${suffix}@example.com`;
  const appName = `Orders SPA ${suffix}`;

  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(E2E_ADMIN_EMAIL);
  const nav = page.getByRole("navigation", { name: "Admin" });

  // An authorization server.
  await nav.getByRole("link", { name: "Authorization Servers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Authorization servers" })).toBeVisible();
  await page.getByRole("link", { name: "Add authorization server" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add authorization server" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(serverName);
  await page.getByLabel("Description", { exact: true }).fill("Orders and invoices");
  await page.getByLabel("Audience", { exact: true }).fill(`api://orders-${suffix}`);
  await page.getByRole("button", { name: "Create authorization server" }).click();
  await expect(page).toHaveURL(/\/admin\/authorization-servers\/aus[0-9A-Za-z]{17}$/);
  await expect(page.getByRole("heading", { level: 1, name: serverName })).toBeVisible();
  await expectNotice(page, `Created authorization server "${serverName}"`);
  const tabs = page.getByRole("navigation", { name: "Authorization server sections" });

  // A scope.
  await tabs.getByRole("link", { name: "Scopes" }).click();
  const addScope = page.getByRole("region", { name: "Add scope" });
  await addScope.getByLabel("Name", { exact: true }).fill(scopeName);
  await addScope.getByLabel("Description").fill("Read orders");
  await addScope.getByRole("button", { name: "Add scope" }).click();
  await expectNotice(page, `Created scope "${scopeName}"`);
  await expect(page.getByRole("table", { name: "Scopes" }).getByRole("row").filter({ hasText: scopeName })).toContainText("Read orders");

  // A claim with user.email, checked as it is typed.
  await tabs.getByRole("link", { name: "Claims" }).click();
  await expect(page.getByText("No custom claims yet")).toBeVisible();
  const addClaim = page.getByRole("region", { name: "Add claim" });
  await addClaim.getByLabel("Claim name").fill("user_email");
  await addClaim.getByLabel("Include in token type").selectOption({ label: "Access token" });
  const value = addClaim.getByLabel("Value", { exact: true });
  await value.fill("user.email +");
  await expect(value).toHaveAttribute("aria-invalid", "true");
  await expect(value).toHaveAccessibleDescription(/Syntax error/);
  await value.fill("user.email");
  await expect(value).toHaveAccessibleDescription("Valid expression.");
  await addClaim.getByRole("button", { name: "Add claim" }).click();
  await expectNotice(page, 'Created claim "user_email"');
  await expect(page.getByRole("table", { name: "Custom claims" }).getByRole("row").filter({ hasText: "user_email" })).toContainText("user.email");

  // A policy for all clients, and a rule.
  await tabs.getByRole("link", { name: "Access Policies" }).click();
  await expect(page.getByText("No access policies yet")).toBeVisible();
  const addPolicy = page.getByRole("region", { name: "Add access policy" });
  await addPolicy.getByLabel("Policy name").fill("Orders policy");
  await addPolicy.getByLabel("Assign to").selectOption({ label: "All clients" });
  await addPolicy.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders policy" })).toBeVisible();
  await expect(page.getByText("No rules yet")).toBeVisible();
  const addRule = page.getByRole("region", { name: "Add rule" });
  await addRule.getByLabel("Rule name").fill("Signed-in users");
  await expect(addRule.getByRole("group", { name: "Grant types" }).getByLabel("Authorization Code")).toBeChecked();
  await addRule.getByLabel("Access token lifetime (minutes)").fill("30");
  await addRule.getByRole("button", { name: "Create rule" }).click();
  await expectNotice(page, 'Created rule "Signed-in users"');
  const ruleRow = page.getByRole("table", { name: "Rules" }).getByRole("row").filter({ hasText: "Signed-in users" });
  await expect(ruleRow).toContainText("30 min");
  await expect(ruleRow).toContainText("ACTIVE");

  // A user.
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByRole("link", { name: "Add user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add user" })).toBeVisible();
  await page.getByLabel("First name", { exact: true }).fill("Ada");
  await page.getByLabel("Last name", { exact: true }).fill("Lovelace");
  await page.getByLabel("Username", { exact: true }).fill(userLogin);
  await page.getByLabel("Primary email", { exact: true }).fill(userLogin);
  await page.getByLabel("Password", { exact: true }).fill(`Analytical-Engine-${suffix}`);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeVisible();
  await expectNotice(page, `Created user ${userLogin} (ACTIVE)`);

  // A single-page app, assigned to the user.
  await nav.getByRole("link", { name: "Applications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Applications" })).toBeVisible();
  await page.getByRole("link", { name: "Create application" }).click();
  await expect(page.getByText("Step 1 of 2: choose the kind of application")).toBeVisible();
  await page.getByRole("link", { name: /Single-page application/ }).click();
  await expect(page.getByText("Step 2 of 2: Single-page application")).toBeVisible();
  await page.getByLabel("Application name", { exact: true }).fill(appName);
  await expect(page.getByLabel("Sign-in redirect URIs")).toHaveValue("http://localhost:8080/login/callback");
  await page.getByRole("button", { name: "Create application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: appName })).toBeVisible();
  await expect(page.getByText("Single-page application")).toBeVisible();
  await expect(page.getByText("None (public client, PKCE)")).toBeVisible();
  const assignments = page.getByRole("region", { name: "Assignments" });
  await pickEntry(assignments, "User", userLogin);
  await assignments.getByRole("button", { name: "Assign user" }).click();
  await expectNotice(page, "Assigned the user to the application.");
  await expect(assignments.getByRole("table", { name: "Assigned users" })).toContainText(userLogin);

  // Token Preview shows the claim with the user's email.
  await nav.getByRole("link", { name: "Authorization Servers" }).click();
  await page.getByRole("link", { name: serverName }).click();
  await expect(page.getByRole("heading", { level: 1, name: serverName })).toBeVisible();
  await tabs.getByRole("link", { name: "Token Preview" }).click();
  const request = page.getByRole("form", { name: "Token preview request" });
  await pickEntry(request, "Application", appName);
  await request.getByLabel("Grant type").selectOption("authorization_code");
  await pickEntry(request, "User", userLogin);
  const scopes = request.getByRole("group", { name: "Scopes" });
  await scopes.getByLabel("openid", { exact: true }).check();
  await scopes.getByLabel(scopeName, { exact: true }).check();
  await request.getByRole("button", { name: "Preview tokens" }).click();
  const result = page.getByRole("region", { name: "Result" });
  await expect(result).toContainText("Orders policy");
  await expect(result).toContainText("Signed-in users");
  await expect(result).toContainText(`"user_email": "${userLogin}"`);
  await expect(result).toContainText(`"scp": [`);
  await expect(result.getByRole("heading", { name: "ID token claims" })).toBeVisible();

  // Key rotation, confirmed first (cancelling changes nothing).
  await tabs.getByRole("link", { name: "Keys" }).click();
  const keys = page.getByRole("table", { name: "Signing keys" });
  const keyRow = (status: string) => keys.getByRole("row").filter({ has: page.getByRole("cell", { name: status, exact: true }) });
  const activeRow = keyRow("ACTIVE");
  await expect(activeRow).toHaveCount(1);
  const kidBefore = (await activeRow.getByRole("cell").nth(1).textContent())!.trim();
  expect(kidBefore).not.toBe("");
  await page.getByRole("button", { name: "Rotate keys" }).click();
  const dialog = page.getByRole("dialog", { name: "Rotate the signing keys?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(activeRow.getByRole("cell").nth(1)).toHaveText(kidBefore);
  await page.getByRole("button", { name: "Rotate keys" }).click();
  await dialog.getByRole("button", { name: "Rotate", exact: true }).click();
  await expectNotice(page, "Rotated the signing keys");
  await expect(activeRow.getByRole("cell").nth(1)).not.toHaveText(kidBefore);
  await expect(keyRow("EXPIRED")).toContainText(kidBefore);

  // Sign out: the session is gone.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?(.*&)?return_to=(%2F|\/)admin(&|$)/);
});

test("a signed-in user who is not an admin gets the 403 page, not the dashboard", async ({ page, baseURL }) => {
  const suffix = Date.now().toString(36);
  const login = `grace.${suffix}@example.com`;
  const password = `Compiler-Pioneer-${suffix}`;
  await adminApi(baseURL!)("POST", "/api/v1/users?activate=true", {
    profile: { firstName: "Grace", lastName: "Hopper", email: login, login },
    credentials: { password: { value: password } },
  });

  await signInThroughDashboard(page, login, password);
  await expect(page.getByText("403 Forbidden")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to the admin dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  await expect(page.getByText(E2E_ADMIN_EMAIL)).toHaveCount(0);

  // Every page is refused alike, and its data is not sent.
  const users = await page.goto("/admin/users");
  expect(users?.status()).toBeLessThan(500);
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to the admin dashboard" })).toBeVisible();
  expect(await page.content()).not.toContain(E2E_ADMIN_EMAIL);

  // Signing out from the 403 page works.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?(.*&)?return_to=(%2F|\/)admin(&|$)/);
});
