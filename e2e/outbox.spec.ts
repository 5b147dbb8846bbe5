import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { adminApi, horizontalOverflow, seriousAxeViolations, signInThroughDashboard } from "./dashboard-helpers";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD } from "./e2e-settings";

// The dashboard's Outbox in the embedded default (no SMTP_URL: the development outbox). Messages are
// queued with lib/mail's queueMail into the server's database; the server's mail worker moves them
// to the outbox, where an admin reads them and follows their links.

const DATABASE_URL = `file:./${process.env.E2E_DATA_DIR ?? "e2e/.data"}/e2e.db`;

function queueTestMail(requests: unknown[]): string[] {
  const out = execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("e2e", "queue-test-mail.ts"), DATABASE_URL, JSON.stringify(requests)], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as string[];
}

async function expectAccessible(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

test("an admin reads the development outbox and follows a message's link", async ({ page, baseURL, context }) => {
  test.setTimeout(90_000); // waits for the mail worker, four axe passes (one over the message's frame)
  await signInThroughDashboard(page, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  await expect(page.getByTestId("mail-delivery")).toContainText("Development outbox.");
  // the empty state (nothing on this server sent mail yet)
  await page.goto("/admin/outbox?status=FAILED");
  await expect(page.getByText("No FAILED messages")).toBeVisible();
  await expectAccessible(page);

  const link = `${baseURL}/?reset=e2e-outbox-token`;
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  queueTestMail([
    { to: "ada.outbox@example.com", template: "password-reset", variables: { firstName: "Ada", resetUrl: link, expiresAt }, locale: "de" },
    { to: "alan.outbox@example.com", template: "password-changed", variables: { firstName: "Alan", when: new Date().toISOString() } },
  ]);

  // the worker takes them out of the queue within a poll or two
  await expect(async () => {
    await page.goto("/admin/outbox");
    await expect(page.getByRole("row", { name: /ada\.outbox@example\.com/ }).getByText("OUTBOX", { exact: true })).toBeVisible({ timeout: 1000 });
    await expect(page.getByRole("row", { name: /alan\.outbox@example\.com/ }).getByText("OUTBOX", { exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const row = page.getByRole("row", { name: /ada\.outbox@example\.com/ });
  await expect(row.getByRole("cell").nth(1)).toHaveText("Setzen Sie Ihr Passwort für Identity Provider zurück");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expectAccessible(page);

  await row.getByRole("link", { name: "Setzen Sie Ihr Passwort für Identity Provider zurück" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Setzen Sie Ihr Passwort für Identity Provider zurück" })).toBeVisible();
  await expect(page.getByText("To ada.outbox@example.com")).toBeVisible();
  const text = page.getByTestId("text-body");
  await expect(text).toContainText("Hallo Ada,");
  await expect(text.getByRole("link", { name: link })).toHaveAttribute("href", link);

  // the HTML part in a sandboxed frame without scripts and with its own CSP
  const frameElement = page.getByTestId("html-body");
  await expect(frameElement).toHaveAttribute("sandbox", "allow-popups allow-popups-to-escape-sandbox");
  const srcdoc = await frameElement.evaluate((el) => (el as HTMLIFrameElement).srcdoc);
  expect(srcdoc).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
  // the page around it (axe cannot run inside a frame that allows no script), then the email itself
  expect(await seriousAxeViolations(page, '[data-testid="html-body"]')).toEqual([]);
  const email = await context.newPage();
  await email.setContent(srcdoc);
  expect(await seriousAxeViolations(email)).toEqual([]);
  await email.close();

  // its button opens the link in a new tab
  const frame = page.frameLocator('[data-testid="html-body"]');
  const button = frame.getByRole("link", { name: "Passwort zurücksetzen" });
  await expect(button).toHaveAttribute("href", link);
  const popupPromise = context.waitForEvent("page");
  await button.click();
  const popup = await popupPromise;
  await popup.waitForLoadState();
  expect(popup.url()).toBe(link);
  await popup.close();

  // 390 px: usable without sideways scrolling
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, widest } = await horizontalOverflow(page);
  expect(scrollWidth, widest.join("\n")).toBeLessThanOrEqual(390);
  await page.goto("/admin/outbox");
  expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
});

test("a signed-in user who is not an admin does not see the outbox", async ({ page, baseURL }) => {
  const suffix = Date.now().toString(36);
  const login = `outbox.reader.${suffix}@example.com`;
  const password = `Outbox-Reader-${suffix}`;
  await adminApi(baseURL!)("POST", "/api/v1/users?activate=true", { profile: { firstName: "Eve", lastName: "Reader", email: login, login }, credentials: { password: { value: password } } });
  queueTestMail([{ to: "victim.outbox@example.com", template: "password-reset", variables: { firstName: "Vic", resetUrl: `${baseURL}/?reset=victim-token`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } }]);

  await signInThroughDashboard(page, login, password);
  await page.goto("/admin/outbox");
  await expect(page.getByText("403 Forbidden")).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain("victim.outbox@example.com");
  expect(html).not.toContain("victim-token");
});
