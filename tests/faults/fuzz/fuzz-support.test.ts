import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportedMethods, readAppRoutes, routeClass } from "./app-routes";
import { problemsOf } from "./check-answer";
import { generateRequests, MUTATIONS, type FuzzContext, type FuzzRequest } from "./generate-requests";
import { Random } from "./random";
import { parseAnswer, type RawAnswer } from "./raw-http";
import { unexpectedGrowth } from "./table-counts";

// The fuzz suite's own parts (fuzz.test.ts relies on them): no server needed.

const context: FuzzContext = { host: "127.0.0.1:1", adminToken: "t", client: { id: "0oa1", secret: "s", redirectUri: "https://app.example.com/callback" }, actionIds: ["40aa"], bypassHeader: "x-bypass" };

describe("fuzz support", () => {
  it("reads every page and route handler of app/ with its methods", () => {
    const routes = readAppRoutes(path.resolve("app"));
    expect(routes).toContainEqual({ pattern: "/oauth2/[authServerId]/v1/token", kind: "route", methods: ["POST", "OPTIONS"] });
    expect(routes).toContainEqual({ pattern: "/admin/users/[userId]", kind: "page", methods: ["GET"] });
    expect(routes.some((route) => route.pattern.startsWith("/_http"))).toBe(false);
    expect(routeClass({ pattern: "/oauth2/[authServerId]/v1/authorize/resume", kind: "route", methods: ["GET"] })).toBe("authorize");
    expect(routeClass({ pattern: "/api/v1/authn", kind: "route", methods: ["POST"] })).toBe("end-user API");
    expect(exportedMethods("export async function GET() {}\nexport const { POST, OPTIONS: x } = y;\nexport const PUT = z;")).toEqual(["GET", "POST", "PUT", "OPTIONS"]);
  });

  it("generates the same requests for a seed, every route with every mutation first", () => {
    const routes = readAppRoutes(path.resolve("app"));
    const a = generateRequests(routes, context, new Random(1), 2_000);
    const b = generateRequests(routes, context, new Random(1), 2_000);
    const c = generateRequests(routes, context, new Random(2), 2_000);
    expect(a.map((r) => r.raw)).toEqual(b.map((r) => r.raw));
    expect(a.map((r) => r.raw)).not.toEqual(c.map((r) => r.raw));
    expect(a.length).toBeGreaterThanOrEqual(Math.max(2_000, routes.length * MUTATIONS.length));
    for (const route of routes) for (const mutation of MUTATIONS) expect(a.some((r) => r.pattern === route.pattern && r.mutation === mutation)).toBe(true);
    expect(a.some((r) => r.routeClass === "server action" && r.raw.headers.some(([name, value]) => name === "Next-Action" && value === "40aa"))).toBe(true);
    expect(a.some((r) => r.routeClass === "protocol (Next.js)" && r.raw.headers.some(([name]) => name === "x-bypass"))).toBe(true);
  });

  const request = (method = "GET", pattern = "/admin"): FuzzRequest => ({ routeClass: "page", pattern, mutation: "method", raw: { method, target: "/", headers: [] } });
  const answer = (status: number, headers: Record<string, string[]>, latencyMs = 5, error?: string): RawAnswer => ({ status, headers, latencyMs, bodyStart: "", ...(error ? { error } : {}) });
  const secure = { "x-content-type-options": ["nosniff"], "x-frame-options": ["DENY"] };

  it("finds 5xx, missing security headers, slow answers and missing answers", () => {
    expect(problemsOf(request(), answer(400, secure))).toEqual([]);
    expect(problemsOf(request(), answer(200, { "x-content-type-options": ["nosniff"], "content-security-policy": ["frame-ancestors https://app.example.com"] }))).toEqual([]);
    expect(problemsOf(request(), answer(500, secure))).toEqual(["5xx"]);
    expect(problemsOf(request("GET", "/unavailable"), answer(503, secure))).toEqual([]);
    expect(problemsOf(request("GET", "/unavailable"), answer(500, secure))).toEqual(["5xx"]);
    expect(problemsOf(request(), answer(404, { "x-frame-options": ["DENY"] }))).toEqual(["no security headers"]);
    expect(problemsOf(request(), answer(308, { "x-content-type-options": ["nosniff"] }))).toEqual(["no security headers"]);
    expect(problemsOf(request(), answer(200, secure, 2_500))).toEqual(["slow"]);
    expect(problemsOf(request(), answer(0, {}, 3, "ECONNRESET"))).toEqual(["no response"]);
    expect(problemsOf(request("CONNECT"), answer(0, {}, 3))).toEqual([]);
    expect(problemsOf(request("CONNECT"), answer(0, {}, 10_000, "TIMEOUT"))).toEqual(["no response"]);
  });

  it("parses an answer's status line and headers", () => {
    const parsed = parseAnswer(Buffer.from("HTTP/1.1 431 Request Header Fields Too Large\r\nX-Frame-Options: DENY\r\nset-cookie: a=1\r\nSet-Cookie: b=2\r\n\r\nbody"));
    expect(parsed).toEqual({ status: 431, headers: { "x-frame-options": ["DENY"], "set-cookie": ["a=1", "b=2"] }, bodyStart: "body" });
    expect(parseAnswer(Buffer.from("")).status).toBe(0);
  });

  it("allows rows only where refused requests may write them", () => {
    const before = { User: 2, SystemLogEvent: 10, RateLimitBucket: 0, PendingAuthorization: 1 };
    expect(unexpectedGrowth(before, { ...before, SystemLogEvent: 900, RateLimitBucket: 40, PendingAuthorization: 4 }, 3)).toEqual([]);
    expect(unexpectedGrowth(before, { ...before, PendingAuthorization: 5 }, 3)).toEqual(["PendingAuthorization: 1 -> 5"]);
    expect(unexpectedGrowth(before, { ...before, User: 3 }, 0)).toEqual(["User: 2 -> 3"]);
    expect(unexpectedGrowth(before, { ...before, User: 1 }, 0)).toEqual(["User: 2 -> 1"]);
  });
});
