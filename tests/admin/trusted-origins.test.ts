import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminOperation } from "@/lib/admin/admin-request";
import { createTrustedOrigin } from "@/lib/admin/trusted-origins/create-trusted-origin";
import { deleteTrustedOrigin } from "@/lib/admin/trusted-origins/delete-trusted-origin";
import { replaceTrustedOrigin } from "@/lib/admin/trusted-origins/replace-trusted-origin";
import { activateTrustedOrigin, deactivateTrustedOrigin } from "@/lib/admin/trusted-origins/set-trusted-origin-status";
import { handleAdminRequest } from "@/lib/admin/handle-admin-request";
import { bootstrapOrg } from "@/lib/bootstrap/bootstrap-org";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { isTrustedOrigin } from "@/lib/trusted-origins/is-trusted-origin";
import { listOriginsWithScope } from "@/lib/trusted-origins/list-origins-with-scope";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { asAnotherProcess } from "../support/as-another-process";
import { createFreshDatabase, testProviders, type TestDatabase } from "../support/test-databases";
import { readLogEvent } from "../support/read-log-events";
import { SUPER_ADMIN_USER } from "../support/admin-roles";

const T0 = "2026-01-15T10:00:00.000Z";
const cacheVersion = async (db: Db) => (await db.cacheVersion.findUnique({ where: { topic: "trusted-origins" } }))?.version ?? 0;

describe.each(testProviders())("trusted origins API on %s", (provider) => {
  let f: AdminFixture;
  let adminId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    adminId = (await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER })).id;
  });
  afterAll(() => f.close());

  const create = (body: unknown) => f.api("POST", "/api/v1/trustedOrigins", body);
  let counter = 0;
  const originId = async (origin: string, scopes: string[] = ["CORS"], name = `Origin ${++counter}`) => {
    const res = await create({ name, origin, scopes: scopes.map((type) => ({ type })) });
    expect(res.status).toBe(200);
    return res.body.id as string;
  };
  const links = (id: string, status: "ACTIVE" | "INACTIVE") => ({
    self: { href: `${ORG_URL}/api/v1/trustedOrigins/${id}`, hints: { allow: ["GET", "PUT", "DELETE"] } },
    ...(status === "ACTIVE"
      ? { deactivate: { href: `${ORG_URL}/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, hints: { allow: ["POST"] } } }
      : { activate: { href: `${ORG_URL}/api/v1/trustedOrigins/${id}/lifecycle/activate`, hints: { allow: ["POST"] } } }),
  });

  describe("create, get, replace, lifecycle, delete", () => {
    it("creates an ACTIVE trusted origin (200), bumps the cache version and logs trustedorigins.lifecycle.create", async () => {
      const version = await cacheVersion(f.db);
      const res = await create({ name: "New Trusted Origin", origin: "HTTPS://SPA.Example.com:443", scopes: [{ type: "CORS" }, { type: "REDIRECT" }] });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      const id = res.body.id as string;
      expect(id).toMatch(/^tos[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        id,
        name: "New Trusted Origin",
        origin: "https://spa.example.com",
        scopes: [{ type: "CORS" }, { type: "REDIRECT" }],
        status: "ACTIVE",
        created: T0,
        createdBy: adminId,
        lastUpdated: T0,
        lastUpdatedBy: adminId,
        _links: links(id, "ACTIVE"),
      });
      expect(await f.db.trustedOrigin.findUniqueOrThrow({ where: { id } })).toMatchObject({ origin: "https://spa.example.com", cors: true, redirect: true, iframeEmbed: false });
      expect(await cacheVersion(f.db)).toBe(version + 1);
      const event = await readLogEvent(f.db, { where: { eventType: "trustedorigins.lifecycle.create" } });
      expect(event.outcomeResult).toBe("SUCCESS");
      expect(event.target).toEqual([{ id, type: "TrustedOrigin", alternateId: "https://spa.example.com", displayName: "New Trusted Origin" }]);
    });

    it("accepts IFRAME_EMBED, answered with allowedOktaApps []", async () => {
      const res = await create({ name: "Framer", origin: "https://portal.example.com", scopes: [{ type: "IFRAME_EMBED", allowedOktaApps: [] }, { type: "CORS" }] });
      expect(res.status).toBe(200);
      expect(res.body.scopes).toEqual([{ type: "CORS" }, { type: "IFRAME_EMBED", allowedOktaApps: [] }]);
    });

    it.each([
      ["https://app.example.com", "https://app.example.com"],
      ["http://localhost:3000/", "http://localhost:3000"],
      ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
      ["http://[::1]:5173", "http://[::1]:5173"],
      ["https://Bücher.Example", "https://xn--bcher-kva.example"],
      ["capacitor://localhost", "capacitor://localhost"],
      ["IONIC://localhost", "ionic://localhost"],
    ])("accepts the origin %s, stored as %s", async (origin, stored) => {
      const res = await create({ name: `Valid ${origin}`, origin, scopes: [{ type: "REDIRECT" }] });
      expect(res.status).toBe(200);
      expect(res.body.origin).toBe(stored);
    });

    it.each([
      ["", "The field cannot be left blank."],
      ["example.com", "An origin must be scheme://host[:port], e.g. https://app.example.com."],
      ["ftp://files.example.com", "The scheme must be http or https (or capacitor or ionic for hybrid apps)."],
      ["com.example.app://callback", "The scheme must be http or https (or capacitor or ionic for hybrid apps)."],
      ["https://example.com/callback", "An origin has no path, query or fragment: give scheme://host[:port] only."],
      ["https://example.com?a=b", "An origin has no path, query or fragment: give scheme://host[:port] only."],
      ["https://example.com#x", "An origin has no path, query or fragment: give scheme://host[:port] only."],
      ["https://admin:secret@example.com", "An origin cannot contain a user name or password."],
      ["https://*.example.com", "Wildcards are not supported: add each origin."],
      ["https://", "An origin needs a host."],
      ["https://example.com:70000", "The host or port is not valid."],
      ["https://exa mple.com", "An origin cannot contain whitespace or control characters."],
    ])("refuses the origin %j with E0000001 on origin, creating nothing", async (origin, reason) => {
      const [count, version] = [await f.db.trustedOrigin.count(), await cacheVersion(f.db)];
      const res = await create({ name: "Invalid", origin, scopes: [{ type: "CORS" }] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: origin", errorCauses: [{ errorSummary: `origin: ${reason}` }] });
      expect(await f.db.trustedOrigin.count()).toBe(count);
      expect(await cacheVersion(f.db)).toBe(version);
    });

    it.each([
      [{ origin: "https://a.example", scopes: [{ type: "CORS" }] }, "name", "name: The field cannot be left blank."],
      [{ name: " ", origin: "https://a.example", scopes: [{ type: "CORS" }] }, "name", "name: The field cannot be left blank."],
      [{ name: "x".repeat(256), origin: "https://a.example", scopes: [{ type: "CORS" }] }, "name", "name: A name is at most 255 characters."],
      [{ name: "n", scopes: [{ type: "CORS" }] }, "origin", "origin: The field cannot be left blank."],
      [{ name: "n", origin: 42, scopes: [{ type: "CORS" }] }, "origin", "origin: The field cannot be left blank."],
      [{ name: "n", origin: "https://a.example" }, "scopes", 'scopes: scopes must be an array such as [{"type":"CORS"},{"type":"REDIRECT"}].'],
      [{ name: "n", origin: "https://a.example", scopes: [] }, "scopes", "scopes: Give at least one scope: CORS, REDIRECT or IFRAME_EMBED."],
      [{ name: "n", origin: "https://a.example", scopes: [{ type: "POST_MESSAGE" }] }, "scopes.0.type", "scopes.0.type: type must be CORS, REDIRECT or IFRAME_EMBED."],
      [{ name: "n", origin: "https://a.example", scopes: [{ type: "CORS" }, { type: "CORS" }] }, "scopes", "scopes: Each scope type may appear only once."],
      [
        { name: "n", origin: "https://a.example", scopes: [{ type: "CORS", allowedOktaApps: ["OKTA_ENDUSER"] }] },
        "scopes.0.allowedOktaApps",
        "scopes.0.allowedOktaApps: allowedOktaApps applies to IFRAME_EMBED only.",
      ],
      [
        { name: "n", origin: "https://a.example", scopes: [{ type: "IFRAME_EMBED", allowedOktaApps: ["OKTA_ENDUSER"] }] },
        "scopes.0.allowedOktaApps",
        "scopes.0.allowedOktaApps: Only [] is supported: the hosted sign-in pages may be framed, and this server has no Okta End-User Dashboard.",
      ],
    ])("refuses %j with E0000001 on %s", async (body, field, cause) => {
      const count = await f.db.trustedOrigin.count();
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}` });
      expect(res.body.errorCauses).toContainEqual({ errorSummary: cause });
      expect(await f.db.trustedOrigin.count()).toBe(count);
    });

    it("refuses an origin already registered (compared normalised) and a name already used", async () => {
      await originId("https://dup.example.com", ["CORS"], "Dup");
      const [count, version] = [await f.db.trustedOrigin.count(), await cacheVersion(f.db)];
      const sameOrigin = await create({ name: "Other", origin: "HTTPS://DUP.example.com:443/", scopes: [{ type: "REDIRECT" }] });
      expect(sameOrigin.status).toBe(400);
      expect(sameOrigin.body).toMatchObject({
        errorCode: "E0000001",
        errorSummary: "Api validation failed: origin",
        errorCauses: [{ errorSummary: "origin: An object with this field already exists in the current organization (https://dup.example.com is already a trusted origin)." }],
      });
      const sameName = await create({ name: "Dup", origin: "https://dup2.example.com", scopes: [{ type: "CORS" }] });
      expect(sameName.status).toBe(400);
      expect(sameName.body).toMatchObject({ errorSummary: "Api validation failed: name" });
      expect(await f.db.trustedOrigin.count()).toBe(count);
      expect(await cacheVersion(f.db)).toBe(version);
    });

    it("gets one, and 404s an unknown one with E0000007 (TrustedOrigin)", async () => {
      const id = await originId("https://get.example.com", ["REDIRECT", "CORS"], "Getter");
      const res = await f.api("GET", `/api/v1/trustedOrigins/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        name: "Getter",
        origin: "https://get.example.com",
        scopes: [{ type: "CORS" }, { type: "REDIRECT" }],
        status: "ACTIVE",
        created: T0,
        createdBy: adminId,
        lastUpdated: T0,
        lastUpdatedBy: adminId,
        _links: links(id, "ACTIVE"),
      });
      const missing = await f.api("GET", "/api/v1/trustedOrigins/tosNoSuchOrigin00000");
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: tosNoSuchOrigin00000 (TrustedOrigin)", errorCauses: [] });
    });

    it("replaces one (PUT, 200), keeping its status; refuses clashes and bad bodies changing nothing; 404s unknown ids", async () => {
      const id = await originId("https://before.example.com", ["CORS"], "Before");
      await originId("https://taken.example.com", ["CORS"], "Taken");
      f.clock.advance(60_000);
      const version = await cacheVersion(f.db);
      const res = await f.api("PUT", `/api/v1/trustedOrigins/${id}`, {
        id: "ignored",
        status: "INACTIVE",
        name: "After",
        origin: "https://after.example.com",
        scopes: [{ type: "REDIRECT" }, { type: "IFRAME_EMBED" }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        name: "After",
        origin: "https://after.example.com",
        scopes: [{ type: "REDIRECT" }, { type: "IFRAME_EMBED", allowedOktaApps: [] }],
        status: "ACTIVE",
        created: T0,
        createdBy: adminId,
        lastUpdated: "2026-01-15T10:01:00.000Z",
        lastUpdatedBy: adminId,
        _links: links(id, "ACTIVE"),
      });
      expect(await cacheVersion(f.db)).toBe(version + 1);
      const event = await readLogEvent(f.db, { where: { eventType: "trustedorigins.lifecycle.update" } });
      expect(event.target).toEqual([{ id, type: "TrustedOrigin", alternateId: "https://after.example.com", displayName: "After" }]);

      const row = await f.db.trustedOrigin.findUniqueOrThrow({ where: { id } });
      const clash = await f.api("PUT", `/api/v1/trustedOrigins/${id}`, { name: "After", origin: "https://TAKEN.example.com", scopes: [{ type: "CORS" }] });
      expect(clash.status).toBe(400);
      expect(clash.body.errorSummary).toBe("Api validation failed: origin");
      const nameClash = await f.api("PUT", `/api/v1/trustedOrigins/${id}`, { name: "Taken", origin: "https://after.example.com", scopes: [{ type: "CORS" }] });
      expect(nameClash.status).toBe(400);
      expect(nameClash.body.errorSummary).toBe("Api validation failed: name");
      const invalid = await f.api("PUT", `/api/v1/trustedOrigins/${id}`, { name: "After", origin: "https://after.example.com/path", scopes: [{ type: "CORS" }] });
      expect(invalid.status).toBe(400);
      expect(await f.db.trustedOrigin.findUniqueOrThrow({ where: { id } })).toEqual(row);
      expect(await cacheVersion(f.db)).toBe(version + 1);
      // keeping its own origin and name is no clash
      const same = await f.api("PUT", `/api/v1/trustedOrigins/${id}`, { name: "After", origin: "https://after.example.com", scopes: [{ type: "CORS" }] });
      expect(same.status).toBe(200);
      const missing = await f.api("PUT", "/api/v1/trustedOrigins/tosNoSuchOrigin00000", { name: "x", origin: "https://x.example", scopes: [{ type: "CORS" }] });
      expect(missing.status).toBe(404);
    });

    it("deactivates and activates (200 with the object); repeating either changes and logs nothing", async () => {
      const id = await originId("https://life.example.com", ["CORS"], "Life");
      const created = f.clock.now.toISOString();
      f.clock.advance(1_000);
      const at = f.clock.now.toISOString();
      const version = await cacheVersion(f.db);
      const off = await f.api("POST", `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`);
      expect(off.status).toBe(200);
      expect(off.body).toEqual({
        id,
        name: "Life",
        origin: "https://life.example.com",
        scopes: [{ type: "CORS" }],
        status: "INACTIVE",
        created,
        createdBy: adminId,
        lastUpdated: at,
        lastUpdatedBy: adminId,
        _links: links(id, "INACTIVE"),
      });
      expect(await cacheVersion(f.db)).toBe(version + 1);
      f.clock.advance(1_000);
      const again = await f.api("POST", `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`);
      expect(again.status).toBe(200);
      expect(again.body.lastUpdated).toBe(at);
      expect(await cacheVersion(f.db)).toBe(version + 1);
      expect(await f.db.systemLogEvent.count({ where: { eventType: "trustedorigins.lifecycle.deactivate" } })).toBe(1);

      const on = await f.api("POST", `/api/v1/trustedOrigins/${id}/lifecycle/activate`);
      expect(on.status).toBe(200);
      expect(on.body).toMatchObject({ status: "ACTIVE", lastUpdated: f.clock.now.toISOString(), _links: links(id, "ACTIVE") });
      expect(await f.db.systemLogEvent.count({ where: { eventType: "trustedorigins.lifecycle.activate" } })).toBe(1);
      expect((await f.api("POST", "/api/v1/trustedOrigins/tosNoSuchOrigin00000/lifecycle/activate")).status).toBe(404);
      expect((await f.api("GET", `/api/v1/trustedOrigins/${id}/lifecycle/activate`)).status).toBe(405);
    });

    it("deletes one (bare 204), bumping the version; a second delete is 404", async () => {
      const id = await originId("https://gone.example.com", ["CORS"], "Gone");
      const version = await cacheVersion(f.db);
      const res = await f.api("DELETE", `/api/v1/trustedOrigins/${id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      expect(await f.db.trustedOrigin.count({ where: { id } })).toBe(0);
      expect(await cacheVersion(f.db)).toBe(version + 1);
      const event = await readLogEvent(f.db, { where: { eventType: "trustedorigins.lifecycle.delete" } });
      expect(event.target).toEqual([{ id, type: "TrustedOrigin", alternateId: "https://gone.example.com", displayName: "Gone" }]);
      const again = await f.api("DELETE", `/api/v1/trustedOrigins/${id}`);
      expect(again.status).toBe(404);
      expect(await cacheVersion(f.db)).toBe(version + 1);
    });
  });

  describe("list, q and filter", () => {
    const names = async (query: string) => {
      const res = await f.api("GET", `/api/v1/trustedOrigins${query}`);
      expect(res.status).toBe(200);
      return (res.body as Array<{ name: string }>).map((o) => o.name).sort();
    };
    beforeAll(async () => {
      await originId("https://alpha.list.test", ["CORS"], "Listed Alpha");
      await originId("https://beta.list.test", ["REDIRECT"], "Listed Beta");
      const gamma = await originId("http://gamma.list.test:8080", ["CORS"], "Gamma_Listed");
      await f.api("POST", `/api/v1/trustedOrigins/${gamma}/lifecycle/deactivate`);
    });

    it("lists all, ordered by id, with a self Link", async () => {
      const res = await f.api("GET", "/api/v1/trustedOrigins");
      expect(res.status).toBe(200);
      expect(res.body.map((o: { id: string }) => o.id)).toEqual((await f.db.trustedOrigin.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((o) => o.id));
      expect(res.headers.get("link")).toBe(`<${ORG_URL}/api/v1/trustedOrigins>; rel="self"`);
    });

    it("q matches the start of the name, the origin or its host, ignoring case", async () => {
      expect(await names("?q=listed")).toEqual(["Listed Alpha", "Listed Beta"]);
      expect(await names("?q=GAMMA_")).toEqual(["Gamma_Listed"]);
      expect(await names("?q=gamma%25")).toEqual([]);
      expect(await names(`?q=${encodeURIComponent("https://beta.")}`)).toEqual(["Listed Beta"]);
      expect(await names("?q=alpha.list")).toEqual(["Listed Alpha"]);
    });

    it("filter: name eq, origin eq (normalised), status eq, id eq, with and/or", async () => {
      expect(await names(`?filter=${encodeURIComponent('name eq "Listed Beta"')}`)).toEqual(["Listed Beta"]);
      expect(await names(`?filter=${encodeURIComponent('origin eq "HTTP://Gamma.list.test:8080"')}`)).toEqual(["Gamma_Listed"]);
      expect(await names(`?filter=${encodeURIComponent('status eq "INACTIVE"')}`)).toEqual(["Gamma_Listed"]);
      expect(await names(`?filter=${encodeURIComponent('(name eq "Listed Alpha" or name eq "Gamma_Listed") and status eq "ACTIVE"')}`)).toEqual(["Listed Alpha"]);
      const id = (await f.db.trustedOrigin.findFirstOrThrow({ where: { name: "Listed Beta" } })).id;
      expect(await names(`?filter=${encodeURIComponent(`id eq "${id}"`)}&q=listed`)).toEqual(["Listed Beta"]);
      for (const bad of ['name sw "Listed"', 'scopes eq "CORS"', "name eq Listed"]) {
        const res = await f.api("GET", `/api/v1/trustedOrigins?filter=${encodeURIComponent(bad)}`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: filter" });
      }
    });

    it("pages with limit and an absolute Link rel=next to the end", async () => {
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await originId(`https://page${i}.paged.test`, ["CORS"], `Paged ${i}`));
      const seen: string[] = [];
      let path: string | null = "/api/v1/trustedOrigins?q=paged&limit=2";
      let pages = 0;
      while (path) {
        const res = await f.api("GET", path);
        expect(res.status).toBe(200);
        pages++;
        seen.push(...res.body.map((o: { id: string }) => o.id));
        const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link")!)?.[1];
        if (next) expect(next.startsWith(`${ORG_URL}/api/v1/trustedOrigins?q=paged&limit=2&after=`)).toBe(true);
        path = next ? next.slice(ORG_URL.length) : null;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(made.sort());
    });
  });

  describe("the lookup the protocol endpoints use", () => {
    it("follows API changes (after the one-second check interval), per scope", async () => {
      const origin = "https://lookup.example.com";
      const now = () => f.clock.now;
      expect(await isTrustedOrigin(f.db, origin, "CORS", now())).toBe(false);
      const id = await originId(origin, ["CORS", "IFRAME_EMBED"], "Lookup");
      f.clock.advance(1_000);
      expect(await isTrustedOrigin(f.db, origin, "CORS", now())).toBe(true);
      expect(await isTrustedOrigin(f.db, "HTTPS://LOOKUP.example.com:443", "CORS", now())).toBe(true);
      expect(await isTrustedOrigin(f.db, origin, "IFRAME_EMBED", now())).toBe(true);
      expect(await isTrustedOrigin(f.db, origin, "REDIRECT", now())).toBe(false);
      expect(await isTrustedOrigin(f.db, "http://lookup.example.com", "CORS", now())).toBe(false);
      expect(await isTrustedOrigin(f.db, "https://lookup.example.com.evil.test", "CORS", now())).toBe(false);
      expect(await listOriginsWithScope(f.db, "IFRAME_EMBED", now())).toContain(origin);
      for (const bogus of [null, undefined, "", "null", "https://lookup.example.com/path"]) {
        expect(await isTrustedOrigin(f.db, bogus, "CORS", now())).toBe(false);
      }
      await f.api("POST", `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`);
      f.clock.advance(1_000);
      expect(await isTrustedOrigin(f.db, origin, "CORS", now())).toBe(false);
      expect(await listOriginsWithScope(f.db, "IFRAME_EMBED", now())).not.toContain(origin);
      await f.api("POST", `/api/v1/trustedOrigins/${id}/lifecycle/activate`);
      f.clock.advance(1_000);
      expect(await isTrustedOrigin(f.db, origin, "CORS", now())).toBe(true);
      await f.api("DELETE", `/api/v1/trustedOrigins/${id}`);
      f.clock.advance(1_000);
      expect(await isTrustedOrigin(f.db, origin, "CORS", now())).toBe(false);
    });
  });
});

const APP_SECRET = "trusted-origin-cache-test-secret-0123456789";
const TOKEN = "00cacheTestToken_0123456789abcdefghijklmn";

describe.each(testProviders())("trusted-origin lookup cache across instances on %s", (provider) => {
  let database: TestDatabase;
  let a: Db;
  let b: Db;
  /** b, counting its queries, so a warm lookup can be shown to cost none */
  let bCounted: Db;
  let queries = 0;
  const clock = { now: new Date("2026-03-01T08:00:00.000Z") };
  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

  beforeAll(async () => {
    database = await createFreshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    a = createDbClient(database.url);
    b = createDbClient(database.url);
    bCounted = b.$extends({
      query: {
        async $allOperations({ args, query }) {
          queries++;
          return query(args);
        },
      },
    }) as unknown as Db;
    await bootstrapOrg({ db: a, provider, appSecret: APP_SECRET, admin: { email: "cache@idp.test", password: "cache-test-password", apiToken: TOKEN }, now: () => clock.now });
  });
  afterAll(async () => {
    await a.$disconnect();
    await b.$disconnect();
    await database.drop();
  });

  /** A management request handled by instance A (its own database client, in another process). */
  async function onA(operation: AdminOperation, method: string, path: string, params: Record<string, string>, body?: unknown) {
    const response = await asAnotherProcess(() => handleAdminRequest(
      { db: a, provider, orgUrl: ORG_URL, secretsKey: deriveKey(APP_SECRET, "secrets-at-rest"), now: () => clock.now },
      {
        method,
        url: new URL(`${ORG_URL}${path}`),
        headers: new Headers({ authorization: `SSWS ${TOKEN}`, "content-type": "application/json" }),
        body: body === undefined ? null : JSON.stringify(body),
        params,
        ipAddress: null,
      },
      operation,
    ));
    expect(response.status).toBeLessThan(300);
    return response.body as { id: string };
  }

  it("sees a change made on another instance once the clock passes one second, and costs no query while warm", async () => {
    const origin = "https://shared.example.com";
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(false);
    expect(queries).toBe(2); // cold: the version, then the list

    const { id } = await onA(createTrustedOrigin, "POST", "/api/v1/trustedOrigins", {}, { name: "Shared", origin, scopes: [{ type: "CORS" }] });
    expect(await isTrustedOrigin(a, origin, "CORS", clock.now)).toBe(true); // A's own cache was cold

    advance(999);
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(false); // B is still warm and stale
    expect(queries).toBe(2);
    advance(1);
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(true);
    expect(queries).toBe(4); // version moved: version + list
    expect(await isTrustedOrigin(bCounted, origin, "REDIRECT", clock.now)).toBe(false);
    expect(queries).toBe(4);
    advance(1_000);
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(true);
    expect(queries).toBe(5); // unchanged: the version only

    await onA(replaceTrustedOrigin, "PUT", `/api/v1/trustedOrigins/${id}`, { trustedOriginId: id }, { name: "Shared", origin, scopes: [{ type: "REDIRECT" }] });
    advance(1_000);
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(false);
    expect(await isTrustedOrigin(bCounted, origin, "REDIRECT", clock.now)).toBe(true);

    await onA(deactivateTrustedOrigin, "POST", `/api/v1/trustedOrigins/${id}/lifecycle/deactivate`, { trustedOriginId: id });
    expect(await isTrustedOrigin(bCounted, origin, "REDIRECT", clock.now)).toBe(true);
    advance(1_000);
    expect(await isTrustedOrigin(bCounted, origin, "REDIRECT", clock.now)).toBe(false);

    await onA(activateTrustedOrigin, "POST", `/api/v1/trustedOrigins/${id}/lifecycle/activate`, { trustedOriginId: id });
    advance(1_000);
    expect(await isTrustedOrigin(bCounted, origin, "REDIRECT", clock.now)).toBe(true);

    await onA(deleteTrustedOrigin, "DELETE", `/api/v1/trustedOrigins/${id}`, { trustedOriginId: id });
    advance(1_000);
    expect(await isTrustedOrigin(bCounted, origin, "REDIRECT", clock.now)).toBe(false);
    expect(await isTrustedOrigin(a, origin, "REDIRECT", clock.now)).toBe(false);
  });

  it("sees a change made in this process at once, whichever cache made it (Next.js gives the fast path and the route handlers separate module instances)", async () => {
    const origin = "https://same-process.example.com";
    advance(5_000);
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(false);
    const { id } = await handleAdminRequest(
      { db: a, provider, orgUrl: ORG_URL, secretsKey: deriveKey(APP_SECRET, "secrets-at-rest"), now: () => clock.now },
      { method: "POST", url: new URL(`${ORG_URL}/api/v1/trustedOrigins`), headers: new Headers({ authorization: `SSWS ${TOKEN}`, "content-type": "application/json" }), body: JSON.stringify({ name: "Same process", origin, scopes: [{ type: "CORS" }] }), params: {}, ipAddress: null },
      createTrustedOrigin,
    ).then((response) => response.body as { id: string });
    expect(id).toMatch(/^tos/);
    const before = queries;
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(true); // no clock advance
    expect(queries).toBe(before + 2); // version + list
    expect(await isTrustedOrigin(bCounted, origin, "CORS", clock.now)).toBe(true);
    expect(queries).toBe(before + 2); // warm again
  });
});
