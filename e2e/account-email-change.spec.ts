import { expect, test } from "@playwright/test";
import { adminApi } from "./admin-api";
import { horizontalOverflow, seriousAxeViolations } from "./dashboard-helpers";
import { latestMailLink } from "./read-mail";
import { E2E_IDP_PORT } from "./test-app/settings";

// My Account's email change in Chromium against the production build: ask for a new address on
// /account/email, open the link mailed to the NEW address (read from the e2e database's MailMessage
// rows, e2e/read-mail.ts), confirm on the branded page (axe, 390 px): the user's email is the new
// one (the login stays, as in Okta), the old address got the notice, and the link is then used.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

test("email change: request on My Account, the link from the mail, confirm; the address changes once", async ({ page }) => {
  const login = `eve.${suffix}@example.com`;
  const next = `eve.new.${suffix}@example.com`;
  const password = `Correct-Horse-Email-${suffix}`;
  const created = await admin<{ id: string }>("POST", "/api/v1/users?activate=true", { profile: { firstName: "Eve", lastName: "Mail", email: login, login }, credentials: { password: { value: password } } });

  await page.goto(`${IDP}/account/email`);
  await expect(page).toHaveURL(/\/signin\?(.*&)?return_to=/);
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${IDP}/account/email`);

  await page.getByLabel("New email address").fill(next);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page).toHaveURL(`${IDP}/account/email?done=sent`);
  await expect(page.getByRole("status")).toHaveText("We sent a confirmation link to your new address. Your address changes when you open it.");

  const link = latestMailLink(next, "/account/email/verify");
  expect(link, "the email-change mail to the new address").not.toBeNull();
  const opened = await page.goto(link!);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["cache-control"]).toContain("no-store");
  expect(opened?.headers()["x-frame-options"]).toBe("DENY");
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your new email address" })).toBeVisible();
  await expect(page.getByText(`Make ${next} the email address of your account?`)).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  // opening the page changed nothing yet
  expect((await admin<{ profile: { email: string } }>("GET", `/api/v1/users/${created.id}`)).profile.email).toBe(login);

  await page.getByRole("button", { name: "Confirm new address" }).click();
  await expect(page).toHaveURL(`${IDP}/account/email?done=changed`);
  await expect(page.getByRole("status")).toHaveText("Your email address was changed. We sent a notice to your previous address.");
  const user = await admin<{ profile: { email: string; login: string } }>("GET", `/api/v1/users/${created.id}`);
  expect([user.profile.email, user.profile.login]).toEqual([next, login]);
  await page.goto(`${IDP}/account`);
  await expect(page.getByText(next, { exact: true })).toBeVisible();

  // the link works once
  await page.goto(link!);
  await expect(page.locator("p[role=alert]")).toHaveText("This confirmation link was already used. Your email address was not changed again.");
  await expect(page.getByRole("button", { name: "Confirm new address" })).toHaveCount(0);
});
