import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const BASE = "/api/v1/authorizationServers/default/scopes";
/** what the cause ends with; it starts with what is wrong and where */
const UNSUPPORTED_FILTER = expect.stringMatching(/^filter: \S.* Supported: name eq "<scope name>" and system eq true\|false, joined with and\.$/);

describe.each(testProviders())("scopes API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const create = (body: unknown, base = BASE) => f.api("POST", base, body);
  const configVersion = async (id = "default") => (await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion;
  const eventsFor = async (eventType: string, targetId: string) =>
    (await readLogEvents(f.db, { where: { eventType } })).filter((event) => (event.target as Array<{ id: string }>)[0]?.id === targetId);
  const selfLink = (serverId: string, id: string) => ({
    self: { href: `${ORG_URL}/api/v1/authorizationServers/${serverId}/scopes/${id}`, hints: { allow: ["GET", "PUT", "DELETE"] } },
  });
  async function newServer(name: string): Promise<string> {
    const res = await f.api("POST", "/api/v1/authorizationServers", { name, audiences: [`api://${name.toLowerCase().replace(/\s/g, "-")}`] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  describe("create", () => {
    it("creates a scope (201) with Okta's defaults, an audit event and a new configVersion", async () => {
      const before = await configVersion();
      f.clock.advance(1000);
      const res = await create({ name: "car:drive", description: "Drive car" });
      expect(res.status).toBe(201);
      expect(res.headers.get("content-type")).toBe("application/json");
      const id = res.body.id as string;
      expect(id).toMatch(/^scp[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        id,
        name: "car:drive",
        displayName: null,
        description: "Drive car",
        system: false,
        default: false,
        consent: "IMPLICIT",
        optional: false,
        metadataPublish: "NO_CLIENTS",
        _links: selfLink("default", id),
      });
      const row = await f.db.scope.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ nameLower: "car:drive", created: f.clock.now, lastUpdated: f.clock.now });
      expect(await configVersion()).toBe(before + 1);
      expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id: "default" } })).lastUpdated).toEqual(f.clock.now);
      const [event, ...more] = await eventsFor("oauth2.scope.created", id);
      expect(more).toEqual([]);
      expect(event).toMatchObject({ outcomeResult: "SUCCESS", published: f.clock.now, displayMessage: "Created scope car:drive in authorization server default" });
      expect(event!.target).toEqual([
        { id, type: "OAuth2Scope", displayName: "car:drive" },
        { id: "default", type: "AuthorizationServer", displayName: "default" },
      ]);
    });

    it("creates a scope with every writable field, and GET returns the same object", async () => {
      const res = await create({
        name: "Car:Order",
        displayName: "Order a car",
        description: "Order car",
        consent: "REQUIRED",
        default: true,
        optional: true,
        metadataPublish: "ALL_CLIENTS",
        system: false,
        id: "scpIgnoredEchoedId00",
        _links: { self: { href: "ignored" } },
      });
      expect(res.status).toBe(201);
      const id = res.body.id as string;
      const expected = {
        id,
        name: "Car:Order",
        displayName: "Order a car",
        description: "Order car",
        system: false,
        default: true,
        consent: "REQUIRED",
        optional: true,
        metadataPublish: "ALL_CLIENTS",
        _links: selfLink("default", id),
      };
      expect(res.body).toEqual(expected);
      const got = await f.api("GET", `${BASE}/${id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(expected);
    });

    it("accepts FLEXIBLE consent and a 300-character name", async () => {
      const res = await create({ name: "x".repeat(300), consent: "FLEXIBLE" });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: "x".repeat(300), consent: "FLEXIBLE" });
    });

    it.each([
      [{}, "name", "name: The field cannot be left blank."],
      [{ name: "" }, "name", "name: The field cannot be left blank."],
      [{ name: 42 }, "name", "name: The field cannot be left blank."],
      [{ name: " car:wash" }, "name", "name: A scope name cannot contain whitespace."],
      [{ name: "car wash" }, "name", "name: A scope name cannot contain whitespace."],
      [{ name: "car:wash\t" }, "name", "name: A scope name cannot contain whitespace."],
      [{ name: "car\nwash" }, "name", "name: A scope name cannot contain whitespace."],
      [{ name: "x".repeat(301) }, "name", "name: A scope name is at most 300 characters."],
      [{ name: 'car"wash' }, "name", "name: A scope name may contain only printable ASCII characters other than '\"' and '\\' (RFC 6749, section 3.3)."],
      [{ name: "café" }, "name", "name: A scope name may contain only printable ASCII characters other than '\"' and '\\' (RFC 6749, section 3.3)."],
      [{ name: "*" }, "name", "name: '*' means any scope in policy rules; it cannot be a scope name."],
      [{ name: "okta.users.read" }, "name", "name: Scope names that start with 'okta.' are reserved."],
      [{ name: "car:wash", consent: "SOMETIMES" }, "consent", "consent: consent must be IMPLICIT, REQUIRED or FLEXIBLE."],
      [{ name: "car:wash", metadataPublish: "SOME_CLIENTS" }, "metadataPublish", "metadataPublish: metadataPublish must be ALL_CLIENTS or NO_CLIENTS."],
      [{ name: "car:wash", default: "yes" }, "default", "default: default must be true or false."],
      [{ name: "car:wash", optional: 1 }, "optional", "optional: optional must be true or false."],
      [{ name: "car:wash", description: 7 }, "description", "description: Must be a string."],
      [{ name: "car:wash", displayName: "d".repeat(256) }, "displayName", "displayName: At most 255 characters."],
      [{ name: "car:wash", system: true }, "system", "system: The system flag is read-only; only the server creates system scopes."],
    ])("rejects %j with 400 E0000001 on %s and changes nothing", async (body, field, cause) => {
      const [count, version, events] = [await f.db.scope.count(), await configVersion(), await f.db.systemLogEvent.count()];
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001" });
      expect(res.body.errorCauses).toContainEqual({ errorSummary: cause });
      expect(await f.db.scope.count()).toBe(count);
      expect(await configVersion()).toBe(version);
      expect(await f.db.systemLogEvent.count()).toBe(events);
    });

    it.each([
      ["car:park", "CAR:PARK", "name: A scope named 'CAR:PARK' already exists in this authorization server (as 'car:park'); scope names are unique, ignoring case."],
      ["car:tow", "car:tow", "name: A scope named 'car:tow' already exists in this authorization server; scope names are unique, ignoring case."],
    ])("refuses a duplicate name: %s then %s", async (first, second, cause) => {
      expect((await create({ name: first })).status).toBe(201);
      const version = await configVersion();
      const res = await create({ name: second });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: name", errorCauses: [{ errorSummary: cause }] });
      expect(await f.db.scope.count({ where: { authServerId: "default", nameLower: first.toLowerCase() } })).toBe(1);
      expect(await configVersion()).toBe(version);
    });

    it("refuses a custom scope that clashes with a system scope, and allows the same name on another server", async () => {
      const res = await create({ name: "OpenID" });
      expect(res.status).toBe(400);
      expect(res.body.errorCauses).toEqual([
        { errorSummary: "name: A scope named 'OpenID' already exists in this authorization server (as 'openid'); scope names are unique, ignoring case." },
      ]);
      const other = await newServer("Scope Twin");
      expect((await create({ name: "car:drive" }, `/api/v1/authorizationServers/${other}/scopes`)).status).toBe(201);
    });

    it("answers 404 E0000007 (AuthorizationServer) for an unknown server on every operation", async () => {
      const server = "/api/v1/authorizationServers/ausNoSuchServer00000";
      for (const [method, path, body] of [
        ["GET", `${server}/scopes`, undefined],
        ["POST", `${server}/scopes`, { name: "x" }],
        ["GET", `${server}/scopes/scpNoSuchScope000000`, undefined],
        ["PUT", `${server}/scopes/scpNoSuchScope000000`, { name: "x" }],
        ["DELETE", `${server}/scopes/scpNoSuchScope000000`, undefined],
      ] as const) {
        const res = await f.api(method, path, body);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)" });
      }
    });
  });

  describe("get", () => {
    it("answers 404 E0000007 (OAuth2Scope) for an unknown scope and for a scope of another server", async () => {
      const missing = await f.api("GET", `${BASE}/scpNoSuchScope000000`);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: scpNoSuchScope000000 (OAuth2Scope)", errorCauses: [] });
      const other = await newServer("Scope Other");
      const foreign = (await create({ name: "foreign:scope" }, `/api/v1/authorizationServers/${other}/scopes`)).body.id as string;
      for (const [method, body] of [["GET", undefined], ["PUT", { name: "hijack" }], ["DELETE", undefined]] as const) {
        const res = await f.api(method, `${BASE}/${foreign}`, body);
        expect(res.status).toBe(404);
        expect(res.body.errorSummary).toBe(`Not found: Resource not found: ${foreign} (OAuth2Scope)`);
      }
      expect((await f.db.scope.findUniqueOrThrow({ where: { id: foreign } })).name).toBe("foreign:scope");
    });

    it("returns a system scope as the server created it", async () => {
      const openid = await f.db.scope.findFirstOrThrow({ where: { authServerId: "default", name: "openid" } });
      const res = await f.api("GET", `${BASE}/${openid.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: openid.id,
        name: "openid",
        displayName: "openid",
        description: "Signals that a request is an OpenID request.",
        system: true,
        default: false,
        consent: "IMPLICIT",
        optional: false,
        metadataPublish: "ALL_CLIENTS",
        _links: selfLink("default", openid.id),
      });
    });
  });

  describe("replace", () => {
    it("replaces a scope (200): omitted fields return to their defaults; audit and configVersion", async () => {
      const created = await create({ name: "boat:sail", displayName: "Sail", description: "Sail a boat", consent: "REQUIRED", default: true, optional: true, metadataPublish: "ALL_CLIENTS" });
      const id = created.body.id as string;
      const version = await configVersion();
      f.clock.advance(60_000);
      const res = await f.api("PUT", `${BASE}/${id}`, { name: "boat:steer", description: "Steer a boat" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        name: "boat:steer",
        displayName: null,
        description: "Steer a boat",
        system: false,
        default: false,
        consent: "IMPLICIT",
        optional: false,
        metadataPublish: "NO_CLIENTS",
        _links: selfLink("default", id),
      });
      expect((await f.api("GET", `${BASE}/${id}`)).body).toEqual(res.body);
      const row = await f.db.scope.findUniqueOrThrow({ where: { id } });
      expect(row.nameLower).toBe("boat:steer");
      expect(row.lastUpdated).toEqual(f.clock.now);
      expect(row.created).not.toEqual(f.clock.now);
      expect(await configVersion()).toBe(version + 1);
      const [event] = await eventsFor("oauth2.scope.updated", id);
      expect(event).toMatchObject({ displayMessage: "Updated scope boat:steer in authorization server default", published: f.clock.now });
    });

    it("accepts an echoed body (what the SDK sends back) and a change of case only", async () => {
      const created = await create({ name: "boat:moor", consent: "REQUIRED" });
      const res = await f.api("PUT", `${BASE}/${created.body.id}`, { ...created.body, name: "Boat:Moor" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ...created.body, name: "Boat:Moor" });
    });

    it("refuses a rename onto another scope's name (any case) and a system flag change, changing nothing", async () => {
      await create({ name: "boat:dock" });
      const created = await create({ name: "boat:anchor" });
      const id = created.body.id as string;
      const version = await configVersion();
      const clash = await f.api("PUT", `${BASE}/${id}`, { name: "BOAT:DOCK" });
      expect(clash.status).toBe(400);
      expect(clash.body.errorCauses).toEqual([
        { errorSummary: "name: A scope named 'BOAT:DOCK' already exists in this authorization server (as 'boat:dock'); scope names are unique, ignoring case." },
      ]);
      const system = await f.api("PUT", `${BASE}/${id}`, { name: "boat:anchor", system: true });
      expect(system.status).toBe(400);
      expect(system.body).toMatchObject({ errorSummary: "Api validation failed: system", errorCauses: [{ errorSummary: "system: The system flag is read-only; this scope's is false." }] });
      const invalid = await f.api("PUT", `${BASE}/${id}`, { name: "boat anchor" });
      expect(invalid.status).toBe(400);
      expect((await f.db.scope.findUniqueOrThrow({ where: { id } })).name).toBe("boat:anchor");
      expect(await configVersion()).toBe(version);
    });

    it("refuses to rename a system scope but updates its other fields", async () => {
      const email = await f.db.scope.findFirstOrThrow({ where: { authServerId: "default", name: "email" } });
      const current = (await f.api("GET", `${BASE}/${email.id}`)).body;
      const renamed = await f.api("PUT", `${BASE}/${email.id}`, { ...current, name: "e-mail" });
      expect(renamed.status).toBe(400);
      expect(renamed.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: name", errorCauses: [{ errorSummary: "name: 'email' is a system scope; it cannot be renamed." }] });
      const recased = await f.api("PUT", `${BASE}/${email.id}`, { ...current, name: "EMAIL" });
      expect(recased.status).toBe(400);
      const version = await configVersion();
      const updated = await f.api("PUT", `${BASE}/${email.id}`, { ...current, description: "Your email address", consent: "IMPLICIT", default: true });
      expect(updated.status).toBe(200);
      expect(updated.body).toEqual({ ...current, description: "Your email address", consent: "IMPLICIT", default: true });
      expect(await configVersion()).toBe(version + 1);
    });
  });

  describe("delete", () => {
    it("deletes a scope with a bare 204, an audit event and a new configVersion", async () => {
      const id = (await create({ name: "car:scrap" })).body.id as string;
      const version = await configVersion();
      f.clock.advance(1000);
      const res = await f.api("DELETE", `${BASE}/${id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      expect(await f.db.scope.count({ where: { id } })).toBe(0);
      expect(await configVersion()).toBe(version + 1);
      expect((await f.db.authorizationServer.findUniqueOrThrow({ where: { id: "default" } })).lastUpdated).toEqual(f.clock.now);
      const [event] = await eventsFor("oauth2.scope.deleted", id);
      expect(event).toMatchObject({ displayMessage: "Deleted scope car:scrap from authorization server default", outcomeResult: "SUCCESS" });
      const again = await f.api("DELETE", `${BASE}/${id}`);
      expect(again.status).toBe(404);
      expect(again.body.errorSummary).toBe(`Not found: Resource not found: ${id} (OAuth2Scope)`);
    });

    it("refuses to delete a system scope", async () => {
      const profile = await f.db.scope.findFirstOrThrow({ where: { authServerId: "default", name: "profile" } });
      const version = await configVersion();
      const res = await f.api("DELETE", `${BASE}/${profile.id}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        errorCode: "E0000001",
        errorSummary: "Api validation failed: scope",
        errorCauses: [{ errorSummary: "'profile' is a system scope; it cannot be deleted." }],
      });
      expect(await f.db.scope.count({ where: { id: profile.id } })).toBe(1);
      expect(await configVersion()).toBe(version);
    });

    it("refuses to delete or rename a scope that a rule or a claim names, listing them; allows it once they let go", async () => {
      const id = (await create({ name: "fleet:manage" })).body.id as string;
      const claim = await f.api("POST", "/api/v1/authorizationServers/default/claims", {
        name: "fleetRole",
        claimType: "RESOURCE",
        valueType: "EXPRESSION",
        value: '"manager"',
        conditions: { scopes: ["fleet:manage"] },
      });
      expect(claim.status).toBe(201);
      const policy = await f.db.policy.findFirstOrThrow({ where: { authServerId: "default" } });
      const ruleId = newId("rule");
      await f.db.policyRule.create({
        data: {
          id: ruleId,
          policyId: policy.id,
          type: "RESOURCE_ACCESS",
          name: "Fleet managers",
          status: "ACTIVE",
          priority: 99,
          conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["authorization_code"] }, scopes: { include: ["Fleet:Manage"] } },
          accessTokenLifetimeMinutes: 60,
          refreshTokenLifetimeMinutes: 0,
          refreshTokenWindowMinutes: 10080,
        },
      });
      const version = await configVersion();
      const usedBy = [
        { errorSummary: `Used by rule 'Fleet managers' (${ruleId}) of policy '${policy.name}' (${policy.id}) in conditions.scopes.include.` },
        { errorSummary: `Used by RESOURCE claim 'fleetRole' (${claim.body.id}) in conditions.scopes.` },
      ];
      const refused = await f.api("DELETE", `${BASE}/${id}`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: scope" });
      expect(refused.body.errorCauses).toEqual([{ errorSummary: "The scope 'fleet:manage' is in use; remove it from these rules and claims first." }, ...usedBy]);
      const rename = await f.api("PUT", `${BASE}/${id}`, { name: "fleet:admin" });
      expect(rename.status).toBe(400);
      expect(rename.body.errorCauses).toEqual([{ errorSummary: "name: The scope 'fleet:manage' cannot be renamed while rules or claims refer to it by name." }, ...usedBy]);
      expect(await f.db.scope.count({ where: { id } })).toBe(1);
      expect(await configVersion()).toBe(version);
      // Other fields of a scope in use may change.
      expect((await f.api("PUT", `${BASE}/${id}`, { name: "fleet:manage", description: "Manage the fleet" })).status).toBe(200);

      await f.db.policyRule.delete({ where: { id: ruleId } });
      const stillClaim = await f.api("DELETE", `${BASE}/${id}`);
      expect(stillClaim.body.errorCauses).toEqual([{ errorSummary: "The scope 'fleet:manage' is in use; remove it from these rules and claims first." }, usedBy[1]]);
      expect((await f.api("DELETE", `/api/v1/authorizationServers/default/claims/${claim.body.id}`)).status).toBe(204);
      expect((await f.api("DELETE", `${BASE}/${id}`)).status).toBe(204);
    });
  });

  describe("list", () => {
    let server: string;
    let base: string;
    let all: Array<{ id: string; name: string; system: boolean }>;
    beforeAll(async () => {
      server = await newServer("Scope List");
      base = `/api/v1/authorizationServers/${server}/scopes`;
      for (const name of ["car:drive", "car:order", "Boat:Sail", "truck_haul", "Car%Wash"]) expect((await create({ name }, base)).status).toBe(201);
      all = (await f.db.scope.findMany({ where: { authServerId: server }, orderBy: { id: "asc" } })).map(({ id, name, system }) => ({ id, name, system }));
    });
    const names = (body: Array<{ name: string }>) => body.map((scope) => scope.name);

    it("lists every scope of the server (system ones included) ordered by id, as full objects", async () => {
      const res = await f.api("GET", base);
      expect(res.status).toBe(200);
      expect(res.body.map((s: { id: string }) => s.id)).toEqual(all.map((s) => s.id));
      expect(all).toHaveLength(11);
      const drive = res.body.find((s: { name: string }) => s.name === "car:drive");
      expect(drive).toEqual((await f.api("GET", `${base}/${drive.id}`)).body);
      expect(res.headers.get("link")).toBe(`<${ORG_URL}${base}>; rel="self"`);
    });

    it.each([
      ["car", ["car:drive", "car:order", "Car%Wash"]],
      ["CAR:", ["car:drive", "car:order"]],
      ["sail", ["Boat:Sail"]],
      ["_", ["offline_access", "truck_haul"]],
      ["%", ["Car%Wash"]],
      ["nothing-matches", []],
    ])("q=%s matches names containing it, ignoring case", async (q, expected) => {
      const res = await f.api("GET", `${base}?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(names(res.body).sort()).toEqual([...expected].sort());
    });

    it.each([
      ['name eq "car:drive"', ["car:drive"]],
      ['name eq "BOAT:SAIL"', ["Boat:Sail"]],
      ['name eq "car"', []],
      ["system eq true", ["openid", "profile", "email", "address", "phone", "offline_access"]],
      ["system eq false", ["car:drive", "car:order", "Boat:Sail", "truck_haul", "Car%Wash"]],
      ['system eq true and name eq "email"', ["email"]],
      ['system eq false and name eq "email"', []],
    ])("filter=%s", async (filter, expected) => {
      const res = await f.api("GET", `${base}?filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(200);
      expect(names(res.body).sort()).toEqual([...expected].sort());
    });

    it("combines q with filter", async () => {
      const res = await f.api("GET", `${base}?q=car&filter=${encodeURIComponent("system eq false")}`);
      expect(names(res.body).sort()).toEqual(["Car%Wash", "car:drive", "car:order"]);
    });

    it.each(['name sw "car"', "description eq \"x\"", "system eq maybe", 'name eq "a" or system eq true', "name eq car"])(
      "answers 400 E0000001 naming filter for %j",
      async (filter) => {
        const res = await f.api("GET", `${base}?filter=${encodeURIComponent(filter)}`);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: filter", errorCauses: [{ errorSummary: UNSUPPORTED_FILTER }] });
      },
    );

    it("pages with limit and follows an absolute Link rel=next to the end", async () => {
      const seen: string[] = [];
      let path: string | null = `${base}?limit=3`;
      let pages = 0;
      while (path) {
        const res = await f.api("GET", path);
        expect(res.status).toBe(200);
        expect(res.body.length).toBeLessThanOrEqual(3);
        pages += 1;
        seen.push(...res.body.map((s: { id: string }) => s.id));
        const link = res.headers.get("link")!;
        expect(link).toContain(`<${ORG_URL}${path}>; rel="self"`);
        const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
        if (next) expect(next).toBe(`${ORG_URL}${base}?limit=3&after=${res.body.at(-1).id}`);
        path = next ? next.slice(ORG_URL.length) : null;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(all.map((s) => s.id));
    });

    it("pages a filtered list, keeping q and filter in the next link", async () => {
      const first = await f.api("GET", `${base}?q=car&limit=2`);
      expect(first.body).toHaveLength(2);
      const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link")!)![1]!;
      expect(next).toBe(`${ORG_URL}${base}?q=car&limit=2&after=${first.body[1].id}`);
      const second = await f.api("GET", next.slice(ORG_URL.length));
      expect(second.body).toHaveLength(1);
      expect(second.headers.get("link")).not.toContain('rel="next"');
      expect([...names(first.body), ...names(second.body)].sort()).toEqual(["Car%Wash", "car:drive", "car:order"]);
    });

    it("answers 400 for a bad limit", async () => {
      const res = await f.api("GET", `${base}?limit=0`);
      expect(res.status).toBe(400);
      expect(res.body.errorSummary).toBe("Api validation failed: limit");
    });
  });

  it("answers 405 E0000022 with Allow for unsupported methods", async () => {
    const collection = await f.api("PUT", BASE, { name: "x" });
    expect(collection.status).toBe(405);
    expect(collection.headers.get("allow")).toBe("GET, POST");
    const item = await f.api("PATCH", `${BASE}/scpAnything000000000`, {});
    expect(item.status).toBe(405);
    expect(item.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect(item.body.errorCode).toBe("E0000022");
  });
});
