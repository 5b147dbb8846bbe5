import { expect, test } from "@playwright/test";

test("the home page names the product and links to the admin sign-in", async ({ page, baseURL }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).origin));
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("Identity Provider");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Identity Provider");
  const adminLink = page.getByRole("link", { name: "Admin sign-in" });
  await expect(adminLink).toHaveAttribute("href", "/admin");
  // No third-party requests: every resource comes from our own origin.
  await page.waitForLoadState("networkidle");
  expect(requested.length).toBeGreaterThan(1);
  expect([...new Set(requested)]).toEqual([new URL(baseURL!).origin]);
});

test("the health endpoint reports the database as up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});

test("an unknown page answers 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("an unknown management API path answers Okta's JSON 404 through Next.js's own routing, not an HTML page", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/nope"],
    ["GET", "/api/v1/users/00u0000000000000000/nope"],
    ["DELETE", "/api/v1/authorizationServers/default/nope/deeper"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"]).toBe("application/json");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await response.json()).toMatchObject({ errorCode: "E0000022", errorSummary: "The endpoint does not support the provided HTTP method", errorCauses: [] });
  }
  // A real endpoint is not shadowed by the catch-all: without a token it is the API's 401.
  const users = await request.get("/api/v1/users");
  expect(users.status()).toBe(401);
  expect((await users.json()).errorCode).toBe("E0000011");
});

test("the home page and the 404 page speak the browser's language (Accept-Language), with <html lang> and Vary on the home page", async ({ browser }) => {
  for (const [locale, admin, notFound] of [
    ["de-DE", "Admin-Anmeldung", "Seite nicht gefunden"],
    ["fr-FR", "Connexion administrateur", "Page introuvable"],
    ["es-ES", "Admin sign-in", "Page not found"],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const home = await page.goto("/");
    expect(home?.status()).toBe(200);
    expect(home?.headers()["vary"] ?? "", locale).toMatch(/Accept-Language/i);
    await expect(page.getByRole("link", { name: admin })).toHaveAttribute("href", "/admin");
    await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2) === "es" ? "en" : locale.slice(0, 2));
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: notFound })).toBeVisible();
    await context.close();
  }
});
