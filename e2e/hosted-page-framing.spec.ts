import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { adminApi } from "./admin-api";

/**
 * A portal on another origin of the same site (localhost, another port: the flow's SameSite=Lax
 * cookies reach the frame) whose page frames the IdP's sign-in page. A real server: Chromium's
 * local network access checks refuse a local frame inside a page Playwright fulfils itself.
 */
async function startPortal(idpOrigin: string): Promise<{ origin: string; server: Server }> {
  const port = Number(new URL(idpOrigin).port) + 9;
  const html = `<!DOCTYPE html><title>Portal</title><iframe title="sign-in" src="${idpOrigin}/signin?return_to=/admin" width="600" height="600"></iframe>`;
  const server = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return { origin: `http://localhost:${port}`, server };
}

async function framingOf(page: Page, path: string) {
  const response = await page.request.get(path, { maxRedirects: 0 });
  const csp = response.headers()["content-security-policy"] ?? "";
  return { frameAncestors: /frame-ancestors ([^;]*)/.exec(csp)?.[1] ?? null, xfo: response.headers()["x-frame-options"] ?? null };
}

test("the hosted sign-in page may be framed only by IFRAME_EMBED trusted origins (header values, a real frame, cache)", async ({ page, baseURL }) => {
  const api = adminApi(baseURL!);
  const portal = await startPortal(baseURL!);
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors|X-Frame-Options/i.test(message.text())) refusals.push(message.text());
  });
  const signinFrame = () => page.frameLocator('iframe[title="sign-in"]').getByRole("heading", { name: "Sign in" });
  try {
    // No IFRAME_EMBED origin: nobody may frame it, and the browser refuses the frame (and says why).
    expect(await framingOf(page, "/signin?return_to=/admin&started=1")).toEqual({ frameAncestors: "'none'", xfo: "DENY" });
    await page.goto(portal.origin);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await expect(signinFrame()).toHaveCount(0);

    const origin = await api<{ id: string }>("POST", "/api/v1/trustedOrigins", { name: "E2E portal", origin: portal.origin, scopes: [{ type: "IFRAME_EMBED" }] });
    try {
      // The trusted-origin cache of this instance sees the change at once (another instance within a second).
      expect(await framingOf(page, "/signin?return_to=/admin&started=1")).toEqual({ frameAncestors: `'self' ${portal.origin}`, xfo: null });
      expect(await framingOf(page, "/consent?request=none")).toEqual({ frameAncestors: `'self' ${portal.origin}`, xfo: null });
      // Everything else stays unframeable.
      expect(await framingOf(page, "/admin")).toEqual({ frameAncestors: "'none'", xfo: "DENY" });
      expect(await framingOf(page, "/signin/start?return_to=/admin")).toEqual({ frameAncestors: "'none'", xfo: "DENY" });
      expect(await framingOf(page, "/unavailable?retry=/signin")).toEqual({ frameAncestors: "'none'", xfo: "DENY" });

      refusals.length = 0;
      await page.goto(portal.origin);
      await expect(signinFrame()).toBeVisible();
      await expect(page.frameLocator('iframe[title="sign-in"]').getByLabel("Username")).toBeVisible();
      expect(refusals).toEqual([]);
    } finally {
      await api("POST", `/api/v1/trustedOrigins/${origin.id}/lifecycle/deactivate`);
      await api("DELETE", `/api/v1/trustedOrigins/${origin.id}`);
    }
    expect(await framingOf(page, "/signin?return_to=/admin&started=1")).toEqual({ frameAncestors: "'none'", xfo: "DENY" });
  } finally {
    portal.server.close();
  }
});
