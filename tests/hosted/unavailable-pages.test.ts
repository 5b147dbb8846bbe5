import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext, type AppContext } from "@/lib/app-context";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { loadConsentView } from "@/lib/hosted/load-consent-view";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { unavailableRedirect } from "@/lib/hosted/unavailable-redirect";
import { APP_SECRET, ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { refusingAddress } from "../resilience/support/fake-peers";

const NOW = new Date("2026-01-15T10:00:00.000Z");
const KEY = deriveKey(APP_SECRET, "secrets-at-rest");
const CSP = "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action *; base-uri 'none'; frame-ancestors 'none'";

async function get(path: string) {
  const response = await callRoute(new Request(`${ORG_URL}${path}`));
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** What a page's loader throws when the database refuses connections (the page's data loader, run as the page runs it). */
async function failureOf(load: () => Promise<unknown>): Promise<unknown> {
  try {
    await load();
  } catch (error) {
    return error;
  }
  throw new Error("the loader did not fail");
}

describe("the pages Next.js renders, when the database refuses connections: a redirect to the 503 'try again' page", () => {
  let db: Db;

  beforeAll(async () => {
    db = createDbClient(await refusingAddress(), { connectTimeoutMs: 400, statementTimeoutMs: 600, transactionTimeoutMs: 1000 });
    const app: AppContext = { db, provider: "postgresql", orgUrl: ORG_URL, secretsKey: KEY, now: () => NOW };
    setAppContext(app);
  });
  afterAll(async () => {
    setAppContext(undefined);
    await db.$disconnect();
  });

  it.each([
    ["/signin", { request: "ftx0123456789abcdefgh", error: "invalid" }, () => loadSigninView(db, { requestId: "ftx0123456789abcdefgh", error: "invalid", cookieHeader: null, secretsKey: KEY, now: NOW })],
    ["/consent", { request: "ftx0123456789abcdefgh" }, () => loadConsentView(db, { requestId: "ftx0123456789abcdefgh", cookieHeader: null, secretsKey: KEY, now: NOW })],
  ] as const)("%s: the loader's failure leads to /unavailable, which answers 503 with Retry-After and a link back to the page", async (path, query, load) => {
    const location = unavailableRedirect(await failureOf(load), path, query);
    const back = `${path}?${new URLSearchParams(query).toString()}`;
    expect(location).toBe(`/unavailable?retry=${encodeURIComponent(back)}`);

    const res = await get(location!);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.text).toContain("<h1>Service temporarily unavailable</h1>");
    expect(res.text).toContain(`<a href="${back.replace(/&/g, "&amp;")}">Try again</a>`);
    expect(res.text).not.toContain("<script");
  });

  it("a repeated query parameter stays repeated in the link back", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(unavailableRedirect(error, "/signin", { request: ["a", "b"] })).toBe(`/unavailable?retry=${encodeURIComponent("/signin?request=a&request=b")}`);
    expect(unavailableRedirect(error, "/admin")).toBe("/unavailable?retry=%2Fadmin");
  });

  it("any other failure is not the database's: no redirect (the error boundary shows it)", () => {
    expect(unavailableRedirect(new Error("boom"), "/signin", {})).toBeNull();
    expect(unavailableRedirect(new TypeError("x is undefined"), "/consent", {})).toBeNull();
  });

  it.each([
    ["//evil.example.com/signin"],
    ["https://evil.example.com/signin"],
    ["/\\evil.example.com"],
    ["/signinx"],
    ["/oauth2/default/v1/logout"],
    ["/admin\nSet-Cookie: x=1"],
    ["javascript:alert(1)"],
    [""],
  ])("/unavailable?retry=%j: still the 503 page, without a link (never an open redirect)", async (retry) => {
    const res = await get(`/unavailable?retry=${encodeURIComponent(retry)}`);
    expect(res.status).toBe(503);
    expect(res.headers.get("location")).toBeNull();
    expect(res.text).toContain("<h1>Service temporarily unavailable</h1>");
    expect(res.text).not.toContain("<a ");
  });

  it.each([["/admin"], ["/admin/users?q=a"], ["/signin?return_to=%2Fadmin"], ["/consent?request=ftx1"]])("/unavailable?retry=%j links back to it", async (retry) => {
    const res = await get(`/unavailable?retry=${encodeURIComponent(retry)}`);
    expect(res.text).toContain(`<a href="${retry.replace(/&/g, "&amp;")}">Try again</a>`);
  });
});
