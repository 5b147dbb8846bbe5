import { expect, test } from "@playwright/test";

const NONCE_CSP = /script-src 'self' 'nonce-([A-Za-z0-9_-]{24})' 'strict-dynamic'/;

test("pages Next.js renders run only scripts carrying the response's nonce: hydrated, no violations, an injected script refused", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });

  const first = await page.goto("/signin?return_to=/admin");
  expect(first?.status()).toBe(200);
  const firstCsp = first!.headers()["content-security-policy"] ?? "";
  const firstNonce = NONCE_CSP.exec(firstCsp)?.[1];
  expect(firstNonce).toBeDefined();
  expect(firstCsp).toContain("frame-ancestors 'none'");
  expect(firstCsp).toContain("object-src 'none'");
  // The "Show password" toggle exists only once React has hydrated the page, i.e. Next.js's scripts ran.
  await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();
  expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
  expect(violations).toEqual([]);

  // Injected markup's inline handler (the usual XSS payload) does not run: CSP refuses it and says so.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image.png" onerror="window.__injected = true">'));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true)).toBe(false);

  // Every response gets its own nonce; the dashboard (signed out: its sign-in redirect) too.
  const second = await page.goto("/admin");
  const secondNonce = NONCE_CSP.exec(second!.headers()["content-security-policy"] ?? "")?.[1];
  expect(secondNonce).toBeDefined();
  expect(secondNonce).not.toBe(firstNonce);
});
