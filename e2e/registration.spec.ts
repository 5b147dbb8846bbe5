import { expect, test, type Response } from "@playwright/test";
import { adminApi } from "./admin-api";
import { latestMailLink } from "./read-mail";
import { E2E_IDP_PORT } from "./test-app/settings";
import { checkPage } from "./page-checks";

// Issue 17 item 4 in Chromium against the production build: self-service registration, turned on
// through the Org Settings API, from the sign-in page's "Create an account" link to a signed-in,
// ACTIVE user in the default group through the verification email's link (read from the e2e
// database's MailMessage rows, e2e/read-mail.ts); axe (no serious or critical violation) and 390 px
// on every new page. The setting is turned off again afterwards.
const IDP = `http://localhost:${E2E_IDP_PORT}`;
const suffix = Date.now().toString(36);
const admin = adminApi(IDP);

/** A hosted page's headers: a script CSP with a fresh nonce, and no framing. */
function expectHostedPageHeaders(response: Response | null) {
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9_-]+'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
}

test.afterAll(async () => {
  await admin("POST", "/api/v1/org/settings", { selfServiceRegistration: false, registrationProfileAttributes: [], registrationDefaultGroupIds: [] });
});

test("self-registration with email verification: Create an account, the email's link, the password again, signed in, ACTIVE, in the default group", async ({ page }) => {
  test.slow(); // six pages, each checked by axe at two widths
  const login = `reggie.${suffix}@example.com`;
  const password = `Registered-${suffix}`;
  const group = await admin<{ id: string }>("POST", "/api/v1/groups", { profile: { name: `Self-registered ${suffix}` } });

  await page.goto(`${IDP}/signin?return_to=%2Faccount`);
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  await admin("POST", "/api/v1/org/settings", { selfServiceRegistration: true, registrationProfileAttributes: ["mobilePhone"], registrationDefaultGroupIds: [group.id] });

  await page.goto(`${IDP}/signin?return_to=%2Faccount`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  expectHostedPageHeaders(await page.reload());
  await checkPage(page);
  await page.getByLabel("Email address").fill(login);
  await page.getByLabel("First name").fill("Reggie");
  await page.getByLabel("Last name").fill("Tester");
  await page.getByLabel("Mobile phone (optional)").fill("+1 555 0100");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#recovery-error")).toContainText("at least 8 characters");
  await expect(page.getByLabel("First name")).toHaveValue("Reggie");
  await checkPage(page);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await checkPage(page);

  const [pending] = await admin<Array<{ status: string }>>("GET", `/api/v1/users?search=${encodeURIComponent(`profile.login eq "${login}"`)}`);
  expect(pending?.status).toBe("PROVISIONED");
  const link = latestMailLink(login, "/signin/verify-email/");
  expect(link).toBeTruthy();
  expect(new URL(link!).searchParams.get("fromURI")).toBe("/account");

  expectHostedPageHeaders(await page.goto(link!));
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await checkPage(page);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page.locator("#recovery-error")).toHaveText("This is not the password chosen for this account.");
  await checkPage(page);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page).toHaveURL(`${IDP}/account`);
  const me = await page.request.get(`${IDP}/api/v1/sessions/me`);
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { login: string }).login).toBe(login);

  const [active] = await admin<Array<{ id: string; status: string }>>("GET", `/api/v1/users?search=${encodeURIComponent(`profile.login eq "${login}"`)}`);
  expect(active?.status).toBe("ACTIVE");
  const members = await admin<Array<{ id: string }>>("GET", `/api/v1/groups/${group.id}/users`);
  expect(members.map((member) => member.id)).toEqual([active!.id]);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await checkPage(page);
});
