import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

describe.each(testProviders())("authorization server policies API on %s", (provider) => {
  let f: AdminFixture;
  let clientA: string;
  let clientB: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    clientA = await createApp("Client A");
    clientB = await createApp("Client B");
  });
  afterAll(() => f.close());

  async function createApp(label: string): Promise<string> {
    const clientId = newId("app");
    await f.db.app.create({
      data: {
        id: newId("app"),
        name: "oidc_client",
        label,
        status: "ACTIVE",
        signOnMode: "OPENID_CONNECT",
        clientId,
        applicationType: "web",
        tokenEndpointAuthMethod: "client_secret_basic",
        oauthSettings: {},
        extra: {},
      },
    });
    return clientId;
  }

  const base = (serverId: string) => `/api/v1/authorizationServers/${serverId}/policies`;
  const allClients = { clients: { include: ["ALL_CLIENTS"] } };

  async function newServer(name: string): Promise<string> {
    const res = await f.api("POST", "/api/v1/authorizationServers", { name, audiences: [`api://${name.replace(/\W/g, "-")}`] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const createPolicy = (serverId: string, body: Record<string, unknown>) =>
    f.api("POST", base(serverId), { type: "OAUTH_AUTHORIZATION_POLICY", conditions: allClients, ...body });

  /** [name, priority] of every policy of a server, as the list returns them. */
  async function priorities(serverId: string): Promise<Array<[string, number]>> {
    const res = await f.api("GET", base(serverId));
    expect(res.status).toBe(200);
    return res.body.map((p: { name: string; priority: number }) => [p.name, p.priority]);
  }

  const configVersion = async (serverId: string) => (await f.db.authorizationServer.findUniqueOrThrow({ where: { id: serverId } })).configVersion;

  async function events(eventType: string, targetId: string) {
    const rows = await readLogEvents(f.db, { where: { eventType } });
    return rows.filter((row) => (row.target as Array<{ id: string }>)[0]?.id === targetId);
  }

  it("creates a policy (201) in Okta's shape, logs it and bumps the server's configVersion", async () => {
    const serverId = await newServer("Create");
    const versionBefore = await configVersion(serverId);
    f.clock.advance(1_000);
    const now = f.clock.now.toISOString();
    const res = await f.api("POST", base(serverId), {
      type: "OAUTH_AUTHORIZATION_POLICY",
      status: "ACTIVE",
      name: "Vendor2 Policy",
      description: "Vendor2 policy description",
      priority: 1,
      system: true,
      conditions: { clients: { include: ["ALL_CLIENTS"] } },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    const id = res.body.id as string;
    expect(id).toMatch(/^00p[0-9A-Za-z]{17}$/);
    const self = `${ORG_URL}/api/v1/authorizationServers/${serverId}/policies/${id}`;
    const expected = {
      type: "OAUTH_AUTHORIZATION_POLICY",
      id,
      status: "ACTIVE",
      name: "Vendor2 Policy",
      description: "Vendor2 policy description",
      priority: 1,
      system: false,
      conditions: { clients: { include: ["ALL_CLIENTS"] } },
      created: now,
      lastUpdated: now,
      _links: {
        self: { href: self, hints: { allow: ["GET", "PUT", "DELETE"] } },
        deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
        rules: { href: `${self}/rules`, hints: { allow: ["GET"] } },
      },
    };
    expect(res.body).toEqual(expected);

    const get = await f.api("GET", `${base(serverId)}/${id}`);
    expect(get.status).toBe(200);
    expect(get.body).toEqual(expected);
    const list = await f.api("GET", base(serverId));
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expected]);

    const row = await f.db.policy.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ authServerId: serverId, system: false, clientsInclude: ["ALL_CLIENTS"], created: new Date(now), lastUpdated: new Date(now) });
    expect(await configVersion(serverId)).toBe(versionBefore + 1);
    const [event, ...more] = await events("oauth2.as.policy.created", id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "Created policy Vendor2 Policy", published: new Date(now) });
    expect(event!.target).toEqual([
      { id, type: "Policy", displayName: "Vendor2 Policy" },
      { id: serverId, type: "AuthorizationServer", displayName: "Create" },
    ]);
  });

  it("defaults type, status and priority; an INACTIVE policy links to activate; no description is null", async () => {
    const serverId = await newServer("Defaults");
    const first = await f.api("POST", base(serverId), { name: "Minimal", conditions: allClients });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: "OAUTH_AUTHORIZATION_POLICY", status: "ACTIVE", priority: 1, system: false, description: null });
    const inactive = await createPolicy(serverId, { name: "Off", status: "INACTIVE", description: "starts inactive" });
    expect(inactive.status).toBe(201);
    expect(inactive.body.status).toBe("INACTIVE");
    expect(inactive.body.priority).toBe(2);
    expect(inactive.body._links.activate).toEqual({ href: `${ORG_URL}${base(serverId)}/${inactive.body.id}/lifecycle/activate`, hints: { allow: ["POST"] } });
    expect(inactive.body._links.deactivate).toBeUndefined();
  });

  it("keeps priorities dense and unique on create: p shifts p and below, omitted or too large appends", async () => {
    const serverId = await newServer("Create priorities");
    await createPolicy(serverId, { name: "A" });
    await createPolicy(serverId, { name: "B" });
    expect(await priorities(serverId)).toEqual([["A", 1], ["B", 2]]);
    f.clock.advance(1_000);
    const c = await createPolicy(serverId, { name: "C", priority: 1 });
    expect(c.body.priority).toBe(1);
    expect(await priorities(serverId)).toEqual([["C", 1], ["A", 2], ["B", 3]]);
    const shifted = await f.db.policy.findFirstOrThrow({ where: { authServerId: serverId, name: "A" } });
    expect(shifted.lastUpdated).toEqual(f.clock.now);
    const d = await createPolicy(serverId, { name: "D", priority: 99 });
    expect(d.body.priority).toBe(4);
    expect(await priorities(serverId)).toEqual([["C", 1], ["A", 2], ["B", 3], ["D", 4]]);
    await createPolicy(serverId, { name: "E", priority: 3 });
    expect(await priorities(serverId)).toEqual([["C", 1], ["A", 2], ["E", 3], ["B", 4], ["D", 5]]);
    await createPolicy(serverId, { name: "F", priority: 6 });
    expect(await priorities(serverId)).toEqual([["C", 1], ["A", 2], ["E", 3], ["B", 4], ["D", 5], ["F", 6]]);
  });

  it("keeps priorities unique when policies are created concurrently", async () => {
    const serverId = await newServer("Concurrent");
    const results = await Promise.all(["A", "B", "C", "D", "E"].map((name) => createPolicy(serverId, { name, priority: 1 })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const list = await priorities(serverId);
    expect(list.map(([, priority]) => priority)).toEqual([1, 2, 3, 4, 5]);
    expect(list.map(([name]) => name).sort()).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("replaces a policy (PUT 200), moving it to the priority asked for and shifting the others", async () => {
    const serverId = await newServer("Replace");
    const ids: Record<string, string> = {};
    for (const name of ["A", "B", "C", "D"]) ids[name] = (await createPolicy(serverId, { name })).body.id;
    const created = await f.api("GET", `${base(serverId)}/${ids.A}`);
    const versionBefore = await configVersion(serverId);
    f.clock.advance(60_000);
    const res = await f.api("PUT", `${base(serverId)}/${ids.A}`, {
      ...created.body,
      name: "A2",
      description: "replaced",
      priority: 3,
      system: true,
      conditions: { clients: { include: [clientA, clientB] } },
    });
    expect(res.status).toBe(200);
    const self = `${ORG_URL}${base(serverId)}/${ids.A}`;
    expect(res.body).toEqual({
      type: "OAUTH_AUTHORIZATION_POLICY",
      id: ids.A,
      status: "ACTIVE",
      name: "A2",
      description: "replaced",
      priority: 3,
      system: false,
      conditions: { clients: { include: [clientA, clientB] } },
      created: created.body.created,
      lastUpdated: f.clock.now.toISOString(),
      _links: {
        self: { href: self, hints: { allow: ["GET", "PUT", "DELETE"] } },
        deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
        rules: { href: `${self}/rules`, hints: { allow: ["GET"] } },
      },
    });
    expect(await priorities(serverId)).toEqual([["B", 1], ["C", 2], ["A2", 3], ["D", 4]]);
    expect(await configVersion(serverId)).toBeGreaterThan(versionBefore); // one bump per row written
    expect(await events("oauth2.as.policy.updated", ids.A!)).toHaveLength(1);

    // up: D to 1
    await f.api("PUT", `${base(serverId)}/${ids.D}`, { name: "D", priority: 1, conditions: allClients });
    expect(await priorities(serverId)).toEqual([["D", 1], ["B", 2], ["C", 3], ["A2", 4]]);
    // same place: nothing moves
    await f.api("PUT", `${base(serverId)}/${ids.B}`, { name: "B", priority: 2, conditions: allClients });
    expect(await priorities(serverId)).toEqual([["D", 1], ["B", 2], ["C", 3], ["A2", 4]]);
    // omitted priority: to the end (a PUT is a full replacement)
    await f.api("PUT", `${base(serverId)}/${ids.D}`, { name: "D", conditions: allClients });
    expect(await priorities(serverId)).toEqual([["B", 1], ["C", 2], ["A2", 3], ["D", 4]]);
    // too large: to the end
    await f.api("PUT", `${base(serverId)}/${ids.B}`, { name: "B", priority: 40, conditions: allClients });
    expect(await priorities(serverId)).toEqual([["C", 1], ["A2", 2], ["D", 3], ["B", 4]]);
  });

  it("keeps the status on a PUT that omits it and applies one that is given", async () => {
    const serverId = await newServer("Replace status");
    const id = (await createPolicy(serverId, { name: "S", status: "INACTIVE" })).body.id as string;
    const kept = await f.api("PUT", `${base(serverId)}/${id}`, { name: "S", conditions: allClients });
    expect(kept.body.status).toBe("INACTIVE");
    const changed = await f.api("PUT", `${base(serverId)}/${id}`, { name: "S", status: "ACTIVE", conditions: allClients });
    expect(changed.body.status).toBe("ACTIVE");
    expect((await f.db.policy.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
  });

  it("a failed PUT changes nothing", async () => {
    const serverId = await newServer("Replace invalid");
    const a = (await createPolicy(serverId, { name: "A" })).body.id as string;
    await createPolicy(serverId, { name: "B" });
    const before = await f.db.policy.findMany({ where: { authServerId: serverId }, orderBy: { priority: "asc" } });
    const versionBefore = await configVersion(serverId);
    const invalid = await f.api("PUT", `${base(serverId)}/${a}`, { name: "A", priority: 2, conditions: { clients: { include: ["0oaNoSuchClient00000"] } } });
    expect(invalid.status).toBe(400);
    const noName = await f.api("PUT", `${base(serverId)}/${a}`, { priority: 2, conditions: allClients });
    expect(noName.status).toBe(400);
    expect(await f.db.policy.findMany({ where: { authServerId: serverId }, orderBy: { priority: "asc" } })).toEqual(before);
    expect(await configVersion(serverId)).toBe(versionBefore);
    expect(await events("oauth2.as.policy.updated", a)).toEqual([]);
  });

  it("deletes a policy (bare 204) with its rules; the others close the gap", async () => {
    const serverId = await newServer("Delete");
    const ids: Record<string, string> = {};
    for (const name of ["A", "B", "C", "D"]) ids[name] = (await createPolicy(serverId, { name })).body.id;
    await f.db.policyRule.create({
      data: {
        id: newId("rule"),
        policyId: ids.B!,
        type: "RESOURCE_ACCESS",
        name: "Rule of B",
        status: "ACTIVE",
        priority: 1,
        conditions: {},
        accessTokenLifetimeMinutes: 60,
        refreshTokenLifetimeMinutes: 0,
        refreshTokenWindowMinutes: 10080,
      },
    });
    const versionBefore = await configVersion(serverId);
    const res = await f.api("DELETE", `${base(serverId)}/${ids.B}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBeNull();
    expect(await priorities(serverId)).toEqual([["A", 1], ["C", 2], ["D", 3]]);
    expect(await f.db.policyRule.count({ where: { policyId: ids.B } })).toBe(0);
    expect(await configVersion(serverId)).toBeGreaterThan(versionBefore); // one bump per row written
    const [event] = await events("oauth2.as.policy.deleted", ids.B!);
    expect(event?.displayMessage).toBe("Deleted policy B");

    await f.api("DELETE", `${base(serverId)}/${ids.A}`);
    expect(await priorities(serverId)).toEqual([["C", 1], ["D", 2]]);
    await f.api("DELETE", `${base(serverId)}/${ids.D}`);
    expect(await priorities(serverId)).toEqual([["C", 1]]);

    const again = await f.api("DELETE", `${base(serverId)}/${ids.B}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${ids.B} (Policy)` });
  });

  it("deactivates and activates with bare 204s, logging each change once", async () => {
    const serverId = await newServer("Lifecycle");
    const id = (await createPolicy(serverId, { name: "L" })).body.id as string;
    const path = `${base(serverId)}/${id}`;
    const v0 = await configVersion(serverId);
    const off = await f.api("POST", `${path}/lifecycle/deactivate`);
    expect(off.status).toBe(204);
    expect(off.text).toBe("");
    expect(off.headers.get("content-type")).toBeNull();
    const inactive = await f.api("GET", path);
    expect(inactive.body.status).toBe("INACTIVE");
    expect(inactive.body._links.activate).toEqual({ href: `${ORG_URL}${path}/lifecycle/activate`, hints: { allow: ["POST"] } });
    expect(inactive.body._links.deactivate).toBeUndefined();
    expect(await configVersion(serverId)).toBe(v0 + 1);
    // again: nothing changes
    expect((await f.api("POST", `${path}/lifecycle/deactivate`)).status).toBe(204);
    expect(await configVersion(serverId)).toBe(v0 + 1);
    expect(await events("oauth2.as.policy.deactivated", id)).toHaveLength(1);

    const on = await f.api("POST", `${path}/lifecycle/activate`);
    expect(on.status).toBe(204);
    expect(on.text).toBe("");
    expect((await f.api("GET", path)).body.status).toBe("ACTIVE");
    expect(await configVersion(serverId)).toBe(v0 + 2);
    expect(await events("oauth2.as.policy.activated", id)).toHaveLength(1);
    expect((await f.api("GET", `${path}/lifecycle/activate`)).status).toBe(405);
  });

  it("accepts existing client ids and names every unknown one", async () => {
    const serverId = await newServer("Clients");
    const ok = await createPolicy(serverId, { name: "Some clients", conditions: { clients: { include: [clientA, clientB, clientA] } } });
    expect(ok.status).toBe(201);
    expect(ok.body.conditions).toEqual({ clients: { include: [clientA, clientB] } });

    const one = await createPolicy(serverId, { name: "Unknown", conditions: { clients: { include: [clientA, "0oaNoSuchClient00000"] } } });
    expect(one.status).toBe(400);
    expect(one.body).toMatchObject({
      errorCode: "E0000001",
      errorSummary: "Api validation failed: conditions.clients.include",
      errorCauses: [{ errorSummary: "conditions.clients.include: Unknown client id: 0oaNoSuchClient00000." }],
    });
    const two = await createPolicy(serverId, { name: "Unknowns", conditions: { clients: { include: ["nope-1", clientB, "nope-2"] } } });
    expect(two.status).toBe(400);
    expect(two.body.errorCauses).toEqual([{ errorSummary: "conditions.clients.include: Unknown client ids: nope-1, nope-2." }]);
    expect(await priorities(serverId)).toEqual([["Some clients", 1]]);
  });

  it.each([
    [{ conditions: allClients }, "name", "name: The field cannot be left blank."],
    [{ name: "   ", conditions: allClients }, "name", "name: The field cannot be left blank."],
    [{ name: 7, conditions: allClients }, "name", "name: The field cannot be left blank."],
    [{ name: "x".repeat(256), conditions: allClients }, "name", "name: At most 255 characters."],
    [{ name: "P", type: "OKTA_SIGN_ON", conditions: allClients }, "type", "type: Must be OAUTH_AUTHORIZATION_POLICY."],
    [{ name: "P", status: "ENABLED", conditions: allClients }, "status", "status: Must be ACTIVE or INACTIVE."],
    [{ name: "P", priority: 0, conditions: allClients }, "priority", "priority: Must be a whole number of at least 1."],
    [{ name: "P", priority: 1.5, conditions: allClients }, "priority", "priority: Must be a whole number of at least 1."],
    [{ name: "P", priority: "1", conditions: allClients }, "priority", "priority: Must be a whole number of at least 1."],
    [{ name: "P", description: 5, conditions: allClients }, "description", "description: Must be a string."],
    [{ name: "P" }, "conditions", 'conditions: The field cannot be left blank; give {"clients":{"include":["ALL_CLIENTS"]}} or a list of client ids.'],
    [{ name: "P", conditions: {} }, "conditions.clients", 'conditions.clients: The field cannot be left blank; give {"include":["ALL_CLIENTS"]} or {"include":[<client ids>]}.'],
    [{ name: "P", conditions: { clients: {} } }, "conditions.clients.include", 'conditions.clients.include: The field cannot be left blank; give ["ALL_CLIENTS"] or a list of client ids.'],
    [{ name: "P", conditions: { clients: { include: [] } } }, "conditions.clients.include", 'conditions.clients.include: The field cannot be left blank; give ["ALL_CLIENTS"] or a list of client ids.'],
    [{ name: "P", conditions: { clients: { include: "ALL_CLIENTS" } } }, "conditions.clients.include", 'conditions.clients.include: The field cannot be left blank; give ["ALL_CLIENTS"] or a list of client ids.'],
    [{ name: "P", conditions: { clients: { include: [42] } } }, "conditions.clients.include.0", "conditions.clients.include.0: Each client must be a client id."],
    [{ name: "P", conditions: { clients: { include: ["ALL_CLIENTS", "0oaSomething"] } } }, "conditions.clients.include", "conditions.clients.include: ALL_CLIENTS cannot be combined with client ids."],
  ])("rejects %j with E0000001 on %s and changes nothing", async (body, field, cause) => {
    const serverId = "default";
    const before = await f.db.policy.findMany({ orderBy: { id: "asc" } });
    const versionBefore = await configVersion(serverId);
    const res = await f.api("POST", base(serverId), body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001" });
    expect(res.body.errorCauses).toEqual([{ errorSummary: cause }]);
    expect(await f.db.policy.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await configVersion(serverId)).toBe(versionBefore);
  });

  it("reports every invalid field, one cause each", async () => {
    const res = await f.api("POST", base("default"), { name: "", status: "ON", priority: -1, conditions: allClients });
    expect(res.status).toBe(400);
    expect(res.body.errorSummary).toBe("Api validation failed: name");
    expect(res.body.errorCauses).toEqual([
      { errorSummary: "name: The field cannot be left blank." },
      { errorSummary: "status: Must be ACTIVE or INACTIVE." },
      { errorSummary: "priority: Must be a whole number of at least 1." },
    ]);
  });

  it("answers 400 for malformed JSON or a non-object body, 415 for a non-JSON body, changing nothing", async () => {
    const before = await f.db.policy.count();
    const broken = await f.api("POST", base("default"), undefined, { rawBody: '{"name": ', headers: { "Content-Type": "application/json" } });
    expect(broken.status).toBe(400);
    expect(broken.body.errorCode).toBe("E0000003");
    const array = await f.api("POST", base("default"), [{ name: "P", conditions: allClients }]);
    expect(array.status).toBe(400);
    expect(array.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: policy", errorCauses: [{ errorSummary: "The request body must be a JSON object." }] });
    const form = await f.api("POST", base("default"), undefined, { rawBody: "name=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const policyId = (await f.db.policy.findFirstOrThrow({ where: { authServerId: "default" } })).id;
    const put = await f.api("PUT", `${base("default")}/${policyId}`, undefined, { rawBody: "[", headers: { "Content-Type": "application/json" } });
    expect(put.status).toBe(400);
    expect(await f.db.policy.count()).toBe(before);
  });

  it("answers 404 E0000007 for an unknown server or policy, and for a policy of another server", async () => {
    const serverId = await newServer("Not found");
    const other = await newServer("Other server");
    const otherPolicy = (await createPolicy(other, { name: "Elsewhere" })).body.id as string;
    const unknownServer = "ausNoSuchServer00000";
    const serverMissing = { errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${unknownServer} (AuthorizationServer)`, errorCauses: [] };
    for (const [method, path, body] of [
      ["GET", base(unknownServer), undefined],
      ["POST", base(unknownServer), { name: "P", conditions: allClients }],
      ["GET", `${base(unknownServer)}/${otherPolicy}`, undefined],
      ["PUT", `${base(unknownServer)}/${otherPolicy}`, { name: "P", conditions: allClients }],
      ["DELETE", `${base(unknownServer)}/${otherPolicy}`, undefined],
      ["POST", `${base(unknownServer)}/${otherPolicy}/lifecycle/activate`, undefined],
    ] as const) {
      const res = await f.api(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject(serverMissing);
    }
    for (const policyId of ["00pNoSuchPolicy00000", otherPolicy]) {
      const policyMissing = { errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${policyId} (Policy)` };
      for (const [method, path, body] of [
        ["GET", `${base(serverId)}/${policyId}`, undefined],
        ["PUT", `${base(serverId)}/${policyId}`, { name: "P", conditions: allClients }],
        ["DELETE", `${base(serverId)}/${policyId}`, undefined],
        ["POST", `${base(serverId)}/${policyId}/lifecycle/activate`, undefined],
        ["POST", `${base(serverId)}/${policyId}/lifecycle/deactivate`, undefined],
        ["GET", `${base(serverId)}/${policyId}/rules`, undefined],
      ] as const) {
        const res = await f.api(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body).toMatchObject(policyMissing);
      }
    }
    expect((await f.db.policy.findUniqueOrThrow({ where: { id: otherPolicy } })).status).toBe("ACTIVE");
    expect(await priorities(serverId)).toEqual([]);
  });

  it("answers 405 E0000022 with Allow for unsupported methods", async () => {
    const list = await f.api("DELETE", base("default"));
    expect(list.status).toBe(405);
    expect(list.headers.get("allow")).toBe("GET, POST");
    const policyId = (await f.db.policy.findFirstOrThrow({ where: { authServerId: "default" } })).id;
    const one = await f.api("PATCH", `${base("default")}/${policyId}`, {});
    expect(one.status).toBe(405);
    expect(one.headers.get("allow")).toBe("GET, PUT, DELETE");
    expect(one.body.errorCode).toBe("E0000022");
  });

  it("lists the default server's bootstrap policy and requires an API token", async () => {
    const res = await f.api("GET", base("default"));
    expect(res.status).toBe(200);
    expect(res.body.map((p: { name: string; priority: number }) => [p.name, p.priority])).toEqual([["Default Policy", 1]]);
    expect((await f.api("GET", base("default"), undefined, { token: null })).status).toBe(401);
  });
});
