import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createProtocolFastPath } from "@/lib/cli/protocol-fast-path";
import { getAppContext, setAppContext, type AppContext } from "@/lib/app-context";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { APP_SECRET, ORG_URL, type ApiResult } from "../support/admin-fixture";
import { createTokenFixture, type TestApp, type TokenFixture } from "../oauth/token-fixture";
import { callApp, type CallInit } from "./support/call-app";
import { failingPeer, freezableProxy, frozenPeer, refusingAddress, type FreezableProxy, type Peer } from "./support/fake-peers";

/** Short deadlines so that a test waits little; the production defaults are 2 s and 3 s. */
const DEADLINES = { connectTimeoutMs: 400, statementTimeoutMs: 600, transactionTimeoutMs: 1000 };
/** What a test allows beyond the longest deadline a request can meet (connect + statement). */
const SLACK_MS = 1000;
const UNAVAILABLE = { error: "temporarily_unavailable", error_description: "The service is temporarily unavailable. Try again later." };
const ADMIN_TOKEN = "00deadlineTestToken_0123456789abcdefghij";

async function timed(method: string, path: string, init: CallInit = {}): Promise<ApiResult & { ms: number }> {
  const started = performance.now();
  const answer = await callApp(method, path, init);
  return { ...answer, ms: performance.now() - started };
}

function contextFor(db: Db): AppContext {
  return { db, provider: "postgresql", orgUrl: ORG_URL, secretsKey: deriveKey(APP_SECRET, "secrets-at-rest"), now: () => new Date("2026-01-15T10:00:00.000Z") };
}

const ROUTES = ["/oauth2/default/.well-known/openid-configuration", "/oauth2/default/v1/keys", "/oauth2/default/v1/token", "/oauth2/default/v1/introspect", "/oauth2/default/v1/userinfo", "/oauth2/default/v1/logout", "/api/v1/users", "/api/v1/authn", "/api/v1/sessions/me", "/oauth2/default/v1/authorize"];

/** Every surface, cold (nothing cached), against a database that cannot serve: 503 of its kind, within the deadline. */
describe.each([
  ["refuses connections", async () => ({ url: await refusingAddress(), close: async () => {} }) as Pick<Peer, "url" | "close">],
  ["accepts connections and never answers (frozen)", frozenPeer],
  ["has no connection left (53300 too many clients)", () => failingPeer("53300", "sorry, too many clients already")],
  ["is shutting down (57P01)", () => failingPeer("57P01", "terminating connection due to administrator command")],
])("when the PostgreSQL server %s", (_name, start) => {
  let peer: Pick<Peer, "url" | "close">;
  let db: Db;

  beforeAll(async () => {
    peer = await start();
    db = createDbClient(peer.url, DEADLINES);
    setAppContext(contextFor(db));
    // The first call of a route compiles its module: not part of what is measured.
    await Promise.all(ROUTES.map((path) => timed("GET", path)));
  });
  afterAll(async () => {
    setAppContext(undefined);
    await db.$disconnect();
    await peer.close();
  });

  it.each([
    ["GET", "/oauth2/default/.well-known/openid-configuration", {}],
    ["GET", "/oauth2/default/v1/keys", {}],
    ["POST", "/oauth2/default/v1/token", { form: { grant_type: "client_credentials" }, basic: ["0oaclient", "secret"] as [string, string] }],
    ["POST", "/oauth2/default/v1/introspect", { form: { token: "x" }, basic: ["0oaclient", "secret"] as [string, string] }],
    ["GET", "/oauth2/default/v1/userinfo", { headers: { Authorization: "Bearer x.y.z" } }],
  ])("protocol %s %s: 503 temporarily_unavailable with Retry-After", async (method, path, init) => {
    const res = await timed(method, path, init);
    expect(res.status).toBe(503);
    expect(res.body).toEqual(UNAVAILABLE);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.ms).toBeLessThan(DEADLINES.connectTimeoutMs + DEADLINES.statementTimeoutMs + SLACK_MS);
  });

  it.each([
    ["GET", "/api/v1/users", { headers: { Authorization: `SSWS ${ADMIN_TOKEN}` } }],
    ["POST", "/api/v1/authn", { json: { username: "someone", password: "secret" } }],
    ["GET", "/api/v1/sessions/me", { headers: { Cookie: `sid=${"a".repeat(43)}` } }],
  ])("Okta API %s %s: 503 E0000009 with Retry-After", async (method, path, init) => {
    const res = await timed(method, path, init);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ errorCode: "E0000009", errorSummary: "Service Unavailable: the server could not reach its database. Try again later.", errorCauses: [] });
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.ms).toBeLessThan(DEADLINES.connectTimeoutMs + DEADLINES.statementTimeoutMs + SLACK_MS);
  });

  it.each([
    ["/authorize", "/oauth2/default/v1/authorize?client_id=0oaclient&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&state=s"],
    ["/logout (a browser navigation)", `/oauth2/default/v1/logout?post_logout_redirect_uri=${encodeURIComponent("https://app.example.com/out")}`],
  ])("hosted %s: the 503 'try again' page", async (_name, path) => {
    const res = await timed("GET", path, { headers: { Cookie: `sid=${"a".repeat(43)}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.text).toContain("<h1>Service temporarily unavailable</h1>");
    expect(res.ms).toBeLessThan(DEADLINES.connectTimeoutMs + DEADLINES.statementTimeoutMs + SLACK_MS);
  });
});

describe("the protocol fast path of npm start, when PostgreSQL is frozen", () => {
  let peer: Peer;
  let db: Db;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    peer = await frozenPeer();
    db = createDbClient(peer.url, DEADLINES);
    setAppContext(contextFor(db));
    const fastPath = createProtocolFastPath(getAppContext);
    server = createServer((request, response) => {
      if (!fastPath(request, response)) response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    setAppContext(undefined);
    await db.$disconnect();
    await peer.close();
  });

  it.each([
    ["GET", "/oauth2/default/v1/keys", {}],
    ["POST", "/oauth2/default/v1/token", { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${Buffer.from("0oaclient:secret").toString("base64")}` }],
    ["OPTIONS", "/oauth2/default/v1/token", { Origin: "https://app.example.com", "Access-Control-Request-Method": "POST" }],
  ])("%s %s: 503 temporarily_unavailable with Retry-After, within the deadline", async (method, path, headers) => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { method, headers, body: method === "POST" ? "grant_type=client_credentials" : undefined });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual(UNAVAILABLE);
    expect(performance.now() - started).toBeLessThan(DEADLINES.connectTimeoutMs + DEADLINES.statementTimeoutMs + SLACK_MS);
  });
});

const postgresUrl = process.env.TEST_POSTGRES_URL;

/**
 * A real PostgreSQL database behind a proxy the test freezes: as a SIGSTOPped server looks to its
 * clients (connections open, nothing answers), without touching the shared server.
 */
describe.runIf(postgresUrl)("when a PostgreSQL server in use freezes and thaws", () => {
  let t: TokenFixture;
  let proxy: FreezableProxy;
  let db: Db;
  let service: TestApp;
  let token: string;
  const deadline = DEADLINES.connectTimeoutMs + DEADLINES.statementTimeoutMs + SLACK_MS;

  beforeAll(async () => {
    t = await createTokenFixture("postgresql");
    await t.scope("orders:read", { isDefault: true });
    service = await t.app("Billing Service", { application_type: "service" });
    const url = ((await t.f.db.$queryRawUnsafe<Array<{ db: string }>>("SELECT current_database() AS db"))[0]!).db;
    const target = new URL(postgresUrl!);
    target.pathname = `/${url}`;
    proxy = await freezableProxy(target.toString());
    db = createDbClient(proxy.url, { ...DEADLINES, poolSize: 4 });
    setAppContext({ ...getAppContext(), db });
    expect((await timed("GET", "/oauth2/default/.well-known/openid-configuration")).status).toBe(200);
    const res = await timed("POST", "/oauth2/default/v1/token", { form: { grant_type: "client_credentials" }, basic: [service.clientId, service.clientSecret!] });
    expect(res.status).toBe(200);
    token = res.body.access_token;
  });
  afterEach(() => proxy.thaw());
  afterAll(async () => {
    await db.$disconnect();
    await proxy.close();
    await t.f.close();
  });

  it("answers discovery and client_credentials from the cache within the check timeout, and the rest 503 within the deadline", async () => {
    t.f.clock.advance(5_000);
    proxy.freeze();
    const discovery = await timed("GET", "/oauth2/default/.well-known/openid-configuration");
    expect(discovery.status).toBe(200);
    expect(discovery.ms).toBeLessThan(300 + SLACK_MS);
    const grant = await timed("POST", "/oauth2/default/v1/token", { form: { grant_type: "client_credentials" }, basic: [service.clientId, service.clientSecret!] });
    expect(grant.status).toBe(200);
    expect(grant.ms).toBeLessThan(300 + SLACK_MS);
    const results = await Promise.all([
      timed("POST", "/oauth2/default/v1/introspect", { form: { token }, basic: [service.clientId, service.clientSecret!] }),
      timed("GET", "/api/v1/users", { headers: { Authorization: `SSWS ${"00adminFixtureToken_0123456789abcdefghij"}` } }),
      timed("POST", "/oauth2/default/v1/introspect", { form: { token }, basic: [service.clientId, service.clientSecret!] }),
    ]);
    expect(results.map((res) => res.status)).toEqual([503, 503, 503]);
    for (const res of results) expect(res.ms).toBeLessThan(deadline);
  });

  it("works again at once after the thaw, with no restart", async () => {
    proxy.freeze();
    await timed("POST", "/oauth2/default/v1/introspect", { form: { token }, basic: [service.clientId, service.clientSecret!] });
    proxy.thaw();
    const started = performance.now();
    const res = await timed("POST", "/oauth2/default/v1/introspect", { form: { token }, basic: [service.clientId, service.clientSecret!] });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(true);
    expect(performance.now() - started).toBeLessThan(SLACK_MS);
  });

  it("bounds a statement inside a transaction and discards its connection instead of handing it out again", async () => {
    const single = createDbClient(proxy.url, { ...DEADLINES, poolSize: 1 });
    try {
      const failure = await single
        .$transaction(async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          proxy.stallOpen(); // the open connections are lost without a reset; new connections work
          await tx.$queryRawUnsafe("SELECT 2");
        })
        .catch((error: unknown) => error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      // Kept, the lost connection would be the pool's only one and fail this too.
      const started = performance.now();
      expect(await single.$queryRawUnsafe("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      expect(performance.now() - started).toBeLessThan(DEADLINES.statementTimeoutMs);
    } finally {
      await single.$disconnect();
    }
  });

  it("queues requests beyond the pool size instead of failing them, and bounds the wait", async () => {
    const queued = await Promise.allSettled(Array.from({ length: 16 }, () => db.$queryRawUnsafe("SELECT 1 FROM pg_sleep(0.05)")));
    expect(queued.filter((result) => result.status === "rejected")).toEqual([]);
    // all four connections busy for longer than the connect timeout: the fifth waiter gives up in time
    const holders = Array.from({ length: 4 }, () => db.$queryRawUnsafe("SELECT 1 FROM pg_sleep(0.55)").catch(() => null));
    const started = performance.now();
    const waiter = await db.$queryRawUnsafe("SELECT 1").catch((error: unknown) => error);
    expect(isDatabaseUnavailable(waiter)).toBe(true);
    expect(performance.now() - started).toBeLessThan(DEADLINES.connectTimeoutMs + SLACK_MS);
    await Promise.all(holders);
  });
});
