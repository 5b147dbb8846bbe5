import { expect, test, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// The Network zones page: the system zones listed, a zone added, edited, deactivated and deleted
// through the forms (each change through the Zones API's typed operations), the zone offered by
// the sign-on rule form's zone picker; axe clean and usable at 390 px.

async function expectNotice(page: Page, text: string) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

test("network zones: list, add, edit, pick in a rule, deactivate, delete; axe clean at 1280 and 390 px", async ({ page, baseURL }) => {
  const name = `Branch office ${Date.now()}`;
  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.getByRole("link", { name: "Network Zones" }).first().click();
  await expect(page.getByRole("heading", { name: "Network zones", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Network zones" });
  await expect(table.getByRole("row").filter({ hasText: "LegacyIpZone" })).toContainText("(system)");
  await expect(table.getByRole("row").filter({ hasText: "BlockedIpZone" })).toContainText("Blocklist");

  // Add: a wrong entry is refused with the API's cause, then a valid zone is added.
  const add = page.getByRole("region", { name: "Add network zone" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Gateway addresses").fill("10.0.0.0/33");
  await add.getByRole("button", { name: "Add zone" }).click();
  await expect(add.getByRole("alert")).toContainText("the prefix length must be 0 to 32");
  await add.getByLabel("Gateway addresses").fill("203.0.113.0/24\n198.51.100.1-198.51.100.9");
  await add.getByRole("button", { name: "Add zone" }).click();
  await expectNotice(page, `Added network zone ${name}.`);
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("203.0.113.0/24, 198.51.100.1-198.51.100.9");
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Edit through the row's form.
  await row.getByText("Edit").click();
  await row.getByLabel("Gateway addresses").fill("203.0.113.0/25");
  await row.getByRole("button", { name: "Save zone" }).click();
  await expectNotice(page, "Saved the network zone.");
  await expect(table.getByRole("row").filter({ hasText: name })).toContainText("203.0.113.0/25");

  // The zone picker of the default sign-on policy's rule form offers it.
  const [signOn] = await adminApi(baseURL!)<Array<{ id: string }>>("GET", "/api/v1/policies?type=OKTA_SIGN_ON");
  await page.goto(`/admin/sign-on-policies/${signOn!.id}`);
  const addRule = page.getByRole("region", { name: "Add rule" });
  await expect(addRule.getByRole("group", { name: "Zones" }).getByLabel(name)).toBeVisible();
  await expect(addRule.getByLabel("Network", { exact: true })).toHaveValue("ANYWHERE");
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Deactivate, then delete (confirmed).
  await page.goto("/admin/network-zones");
  await page.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expectNotice(page, "Deactivated the network zone.");
  await page.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete zone ${name}?` });
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expectNotice(page, "Deleted the network zone.");
  await expect(table.getByRole("row").filter({ hasText: name })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, overflow.widest.join("\n")).toBeLessThanOrEqual(390);
  expect(await seriousAxeViolations(page)).toEqual([]);
});
