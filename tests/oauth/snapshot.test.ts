import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluatePolicy } from "@/lib/oauth/policy/evaluate-policy";
import { getServerSnapshot, resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { loadServerSnapshot } from "@/lib/oauth/snapshot/load-server-snapshot";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { asAnotherProcess } from "../support/as-another-process";
import { countingDb } from "../support/counting-db";


const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe.each(testProviders())("server snapshot on %s", (provider) => {
  let f: AdminFixture;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());
  beforeEach(() => resetServerSnapshotCache());

  async function newServer(name: string): Promise<string> {
    const res = await f.api("POST", "/api/v1/authorizationServers", { name, description: name, audiences: [`api://${name.toLowerCase()}`] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  it("loads the bootstrapped default server: Default Policy and Rule, system scopes and claims", async () => {
    const snapshot = await loadServerSnapshot(f.db, "default", f.clock.now);
    const server = await f.db.authorizationServer.findUniqueOrThrow({ where: { id: "default" } });
    const everyone = await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } });
    const rule = await f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } });

    expect(snapshot).toMatchObject({
      id: "default",
      name: "default",
      audiences: ["api://default"],
      issuerPath: "/oauth2/default",
      issuerMode: "ORG_URL",
      status: "ACTIVE",
      isDefault: true,
      configVersion: server.configVersion,
      everyoneGroupId: everyone.id,
    });
    expect(snapshot!.policies).toEqual([
      {
        id: rule.policyId,
        name: "Default Policy",
        priority: 1,
        clientsInclude: ["ALL_CLIENTS"],
        allClients: true,
        rules: [
          {
            id: rule.id,
            name: "Default Policy Rule",
            priority: 1,
            people: { users: { include: [], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } },
            grantTypes: ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"],
            scopes: ["*"],
            anyScope: true,
            accessTokenLifetimeMinutes: 60,
            refreshTokenLifetimeMinutes: 0,
            refreshTokenWindowMinutes: 10_080,
            inlineHook: null,
          },
        ],
      },
    ]);
    expect(snapshot!.scopes.map((scope) => scope.name)).toEqual(["address", "email", "offline_access", "openid", "phone", "profile"]);
    expect(snapshot!.scopes.every((scope) => scope.system && scope.metadataPublish === "ALL_CLIENTS" && !scope.isDefault)).toBe(true);
    expect(snapshot!.scopesByName.openid).toMatchObject({ consent: "IMPLICIT" });
    expect(snapshot!.claims).toHaveLength(20);
    expect(snapshot!.claims.every((claim) => claim.system && claim.compiled.kind === "system")).toBe(true);
    expect(snapshot!.claims.filter((claim) => claim.claimType === "RESOURCE").map((claim) => claim.name)).toEqual(["sub"]);
    expect(Object.isFrozen(snapshot!.policies[0]!.rules)).toBe(true);

    const decision = evaluatePolicy({ snapshot: snapshot!, clientId: "0oaany", oktaScopeGrants: [], grantType: "password", user: { id: "00uany", groupIds: [] }, requestedScopes: ["openid", "offline_access"] });
    expect(decision).toMatchObject({ ok: true, ruleId: rule.id, grantedScopes: ["openid", "offline_access"], accessTokenLifetimeMinutes: 60 });
  });

  it("pre-parses custom EXPRESSION claims and pre-compiles GROUPS filters created through the admin API", async () => {
    const serverId = await newServer("Claims");
    expect((await f.api("POST", `/api/v1/authorizationServers/${serverId}/claims`, { name: "dept", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.department" })).status).toBe(201);
    expect(
      (await f.api("POST", `/api/v1/authorizationServers/${serverId}/claims`, { name: "groups", claimType: "IDENTITY", valueType: "GROUPS", group_filter_type: "STARTS_WITH", value: "eng" })).status,
    ).toBe(201);
    const inactive = await f.api("POST", `/api/v1/authorizationServers/${serverId}/claims`, { name: "off", status: "INACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: '"x"' });
    expect(inactive.status).toBe(201);

    const snapshot = await loadServerSnapshot(f.db, serverId, f.clock.now);
    const custom = snapshot!.claims.filter((claim) => !claim.system);
    expect(custom.map((claim) => [claim.name, claim.compiled.kind])).toEqual([
      ["groups", "groups"],
      ["dept", "expression"],
    ]);
    expect(snapshot!.policies).toEqual([]);
  });

  it("flags a stored claim that no longer parses instead of failing", async () => {
    const serverId = await newServer("Broken");
    await f.db.claim.create({
      data: { id: "oclbroken0000000000x", authServerId: serverId, name: "broken", status: "ACTIVE", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.login +", conditionScopes: [] },
    });
    const snapshot = await loadServerSnapshot(f.db, serverId, f.clock.now);
    expect(snapshot!.claims.find((claim) => claim.name === "broken")?.compiled).toMatchObject({ kind: "invalid" });
  });

  it("is null for an unknown server", async () => {
    expect(await loadServerSnapshot(f.db, "ausnosuchserver00000", f.clock.now)).toBeNull();
    expect(await getServerSnapshot(f.db, "ausnosuchserver00000", f.clock.now)).toBeNull();
  });

  it("is null for an INACTIVE server, and back once it is activated again", async () => {
    const serverId = await newServer("Sleepy");
    const t0 = f.clock.now;
    expect(await getServerSnapshot(f.db, serverId, t0)).not.toBeNull();
    expect((await f.api("POST", `/api/v1/authorizationServers/${serverId}/lifecycle/deactivate`)).status).toBe(204);
    expect(await loadServerSnapshot(f.db, serverId, t0)).toBeNull();
    expect(await getServerSnapshot(f.db, serverId, at(t0, 1000))).toBeNull();
    expect((await f.api("POST", `/api/v1/authorizationServers/${serverId}/lifecycle/activate`)).status).toBe(204);
    // changed through this instance: seen at once (another instance sees the version bump within a second)
    expect(await getServerSnapshot(f.db, serverId, at(t0, 1500))).toMatchObject({ id: serverId, status: "ACTIVE" });
  });

  it("a warm cache costs no query within a second, one version read after it; a configVersion bump is seen after a second", async () => {
    const { db, queries } = countingDb(f.db);
    const t0 = f.clock.now;

    const first = await getServerSnapshot(db, "default", t0);
    expect(first?.id).toBe("default");
    expect(queries[0]).toBe("AuthorizationServer.findUnique");
    expect(queries.length).toBeGreaterThan(1);

    queries.length = 0;
    expect(await getServerSnapshot(db, "default", at(t0, 999))).toBe(first);
    expect(queries).toEqual([]);

    // the version did not move: one tiny read, the same snapshot
    expect(await getServerSnapshot(db, "default", at(t0, 1000))).toBe(first);
    expect(queries).toEqual(["AuthorizationServer.findUnique"]);

    // a change through the database, as another instance would make it: the scope's insert alone
    // bumps the server's configVersion (its trigger, lib/db/cache-topics.ts)
    await asAnotherProcess(() => f.db.scope.create({ data: { id: "scpcachetest00000000", authServerId: "default", name: "cache:test", nameLower: "cache:test" } }));
    queries.length = 0;
    expect(await getServerSnapshot(db, "default", at(t0, 1999))).toBe(first);
    expect(queries).toEqual([]);

    const second = await getServerSnapshot(db, "default", at(t0, 2000));
    expect(second).not.toBe(first);
    expect(second!.configVersion).toBe(first!.configVersion + 1);
    expect(second!.scopesByName["cache:test"]).toBeDefined();
    expect(first!.scopesByName["cache:test"]).toBeUndefined();
    expect(queries[0]).toBe("AuthorizationServer.findUnique");
  });

  it("picks up a rule created through this instance's admin API at once", async () => {
    expect((await f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "service:read" })).status).toBe(201);
    const t0 = f.clock.now;
    const before = await getServerSnapshot(f.db, "default", t0);
    const policyId = before!.policies[0]!.id;
    const created = await f.api("POST", `/api/v1/authorizationServers/default/policies/${policyId}/rules`, {
      name: "Service apps",
      priority: 1,
      conditions: { grantTypes: { include: ["client_credentials"] }, scopes: { include: ["*"] } },
      actions: { token: { accessTokenLifetimeMinutes: 5 } },
    });
    expect(created.status).toBe(201);

    const after = await getServerSnapshot(f.db, "default", at(t0, 500));
    expect(after!.policies[0]!.rules.map((rule) => rule.name)).toEqual(["Service apps", "Default Policy Rule"]);
    const decision = evaluatePolicy({ snapshot: after!, clientId: "0oaservice", oktaScopeGrants: [], grantType: "client_credentials", user: null, requestedScopes: ["service:read"] });
    expect(decision).toMatchObject({ ok: true, ruleId: created.body.id, accessTokenLifetimeMinutes: 5 });
  });

  it("keeps one cache per database client, and resetServerSnapshotCache empties it", async () => {
    const one = countingDb(f.db);
    const two = countingDb(f.db);
    const t0 = f.clock.now;
    await getServerSnapshot(one.db, "default", t0);
    await getServerSnapshot(two.db, "default", t0);
    expect(two.queries.length).toBeGreaterThan(1);

    one.queries.length = 0;
    await getServerSnapshot(one.db, "default", t0);
    expect(one.queries).toEqual([]);
    resetServerSnapshotCache();
    await getServerSnapshot(one.db, "default", t0);
    expect(one.queries.length).toBeGreaterThan(1);
  });
});
