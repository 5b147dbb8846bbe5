import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSystemLog } from "@/lib/system-log/write-system-log";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

describe.each(testProviders())("System Log API on %s", (provider) => {
  let f: AdminFixture;
  const base = Date.parse("2026-01-15T10:00:00.000Z");
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const actor = { id: "00uActor000000000001", type: "User", alternateId: "alice@example.com", displayName: "Alice" };
    const events: Array<[number, string, "SUCCESS" | "FAILURE", string]> = [
      [-10 * 86_400_000, "user.session.start", "SUCCESS", "Old sign-in"],
      [-3_600_000, "user.session.start", "SUCCESS", "User login"],
      [-3_000_000, "user.session.start", "FAILURE", "User login failed"],
      [-2_000_000, "app.oauth2.as.token.grant.access_token", "SUCCESS", "OAuth2 access token is granted"],
      [-1_000_000, "policy.evaluate_sign_on", "FAILURE", "Policy evaluation denied the request"],
    ];
    for (const [offset, eventType, result, displayMessage] of events) {
      await writeSystemLog(f.db, { eventType, displayMessage, actor, client: { ipAddress: "203.0.113.9", userAgent: "curl/8" }, outcome: { result }, target: [] }, new Date(base + offset));
    }
  });
  afterAll(() => f.close());

  const list = (query: string) => f.api("GET", `/api/v1/logs${query}`);

  it("lists the last 7 days in ascending order by default, in Okta's LogEvent shape", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.body.map((e: { displayMessage: string }) => e.displayMessage)).toEqual([
      "User login",
      "User login failed",
      "OAuth2 access token is granted",
      "Policy evaluation denied the request",
    ]);
    expect(res.body[0]).toEqual({
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      published: "2026-01-15T09:00:00.000Z",
      eventType: "user.session.start",
      version: "0",
      severity: "INFO",
      legacyEventType: null,
      displayMessage: "User login",
      actor: { id: "00uActor000000000001", type: "User", alternateId: "alice@example.com", displayName: "Alice", detailEntry: null },
      client: { userAgent: { rawUserAgent: "curl/8", os: null, browser: null }, zone: null, device: null, id: null, ipAddress: "203.0.113.9", geographicalContext: null },
      outcome: { result: "SUCCESS", reason: null },
      target: [],
      transaction: { type: "WEB", id: null, detail: {} },
      debugContext: { debugData: {} },
      authenticationContext: { authenticationProvider: null, credentialProvider: null, credentialType: null, issuer: null, interface: null, authenticationStep: 0, externalSessionId: null },
      securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: null },
      request: { ipChain: [{ ip: "203.0.113.9" }] },
    });
    expect(res.body[1].severity).toBe("WARN");
  });

  it.each([
    ['?filter=outcome.result eq "FAILURE"', ["User login failed", "Policy evaluation denied the request"]],
    ['?filter=eventType eq "user.session.start" and outcome.result eq "SUCCESS"', ["User login"]],
    ['?filter=actor.id eq "00uNobody"', []],
    ["?q=token granted", ["OAuth2 access token is granted"]],
    ["?q=LOGIN", ["User login", "User login failed"]],
    ["?since=2026-01-05T00:00:00.000Z&until=2026-01-15T09:00:00.000Z", ["Old sign-in", "User login"]],
    ["?sortOrder=DESCENDING&limit=2", ["Policy evaluation denied the request", "OAuth2 access token is granted"]],
  ])("GET /api/v1/logs%s", async (query, expected) => {
    const res = await list(query.replace(/ /g, "%20").replace(/"/g, "%22"));
    expect(res.status).toBe(200);
    expect(res.body.map((e: { displayMessage: string }) => e.displayMessage)).toEqual(expected);
  });

  it("pages with an absolute Link rel=next, in both orders, until the end", async () => {
    for (const [order, expected] of [
      ["ASCENDING", ["User login", "User login failed", "OAuth2 access token is granted", "Policy evaluation denied the request"]],
      ["DESCENDING", ["Policy evaluation denied the request", "OAuth2 access token is granted", "User login failed", "User login"]],
    ] as const) {
      const seen: string[] = [];
      let path: string | null = `/api/v1/logs?limit=3&sortOrder=${order}`;
      while (path) {
        const res = await f.api("GET", path);
        expect(res.status).toBe(200);
        seen.push(...res.body.map((e: { displayMessage: string }) => e.displayMessage));
        const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
        if (next) expect(next.startsWith(`${ORG_URL}/api/v1/logs?`)).toBe(true);
        path = next ? next.slice(ORG_URL.length) : null;
      }
      expect(seen).toEqual(expected);
    }
  });

  it.each([
    ["?filter=eventType sw \"user\"", "filter"],
    ["?since=yesterday", "since"],
    ["?since=2026-01-15T00:00:00Z&until=2026-01-14T00:00:00Z", "since"],
    ["?sortOrder=RANDOM", "sortOrder"],
    ["?limit=0", "limit"],
    ["?after=not-a-cursor", "after"],
  ])("rejects %s with E0000001 on %s", async (query, field) => {
    const res = await list(query.replace(/ /g, "%20").replace(/"/g, "%22"));
    expect(res.status).toBe(400);
    expect(res.body.errorSummary).toBe(`Api validation failed: ${field}`);
  });

  it("is an admin API: no token, no logs", async () => {
    expect((await f.api("GET", "/api/v1/logs", undefined, { token: null })).status).toBe(401);
  });

  it("writing an event never throws, even when the database refuses it", async () => {
    const broken = { $executeRaw: () => Promise.reject(new Error("read-only database")) } as unknown as typeof f.db;
    await expect(
      writeSystemLog(broken, { eventType: "x", displayMessage: "x", actor: { id: "a", type: "User" }, outcome: { result: "SUCCESS" } }, new Date()),
    ).resolves.toBeUndefined();
  });
});
