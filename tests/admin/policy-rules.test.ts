import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const ALL_GRANTS = ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"];

describe.each(testProviders())("authorization server policy rules API on %s", (provider) => {
  let f: AdminFixture;
  let serverId: string;
  let otherServerId: string;
  let userId: string;
  let otherUserId: string;
  let groupId: string;
  let everyoneGroupId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    serverId = await newServer("Rules");
    otherServerId = await newServer("Other");
    userId = await createUser("alice@example.com");
    otherUserId = await createUser("bob@example.com");
    groupId = newId("group");
    await f.db.group.create({ data: { id: groupId, type: "OKTA_GROUP", name: "Engineers", nameLower: "engineers" } });
    everyoneGroupId = (await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } })).id;
    await createScope(serverId, "car:drive");
    await createScope(serverId, "car:park");
    await createScope(otherServerId, "boat:sail");
  });
  afterAll(() => f.close());

  async function newServer(name: string): Promise<string> {
    const res = await f.api("POST", "/api/v1/authorizationServers", { name, audiences: [`api://${name.replace(/\W/g, "-")}`] });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function createUser(login: string): Promise<string> {
    const id = newId("user");
    await f.db.user.create({
      data: { id, status: "ACTIVE", login, loginLower: login, email: login, emailLower: login, profile: { login, email: login, firstName: "Test", lastName: "User" } },
    });
    return id;
  }

  async function createScope(authServerId: string, name: string): Promise<void> {
    await f.db.scope.create({ data: { id: newId("scope"), authServerId, name, nameLower: name.toLowerCase() } });
  }

  async function newPolicy(authServerId: string, name: string): Promise<string> {
    const res = await f.api("POST", `/api/v1/authorizationServers/${authServerId}/policies`, { name, conditions: { clients: { include: ["ALL_CLIENTS"] } } });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const rulesPath = (policyId: string, authServerId = serverId) => `/api/v1/authorizationServers/${authServerId}/policies/${policyId}/rules`;

  const minimalConditions = { grantTypes: { include: ["authorization_code"] }, scopes: { include: ["*"] } };
  const createRule = (policyId: string, body: Record<string, unknown>) =>
    f.api("POST", rulesPath(policyId), { type: "RESOURCE_ACCESS", conditions: minimalConditions, ...body });

  async function priorities(policyId: string): Promise<Array<[string, number]>> {
    const res = await f.api("GET", rulesPath(policyId));
    expect(res.status).toBe(200);
    return res.body.map((r: { name: string; priority: number }) => [r.name, r.priority]);
  }

  const configVersion = async (id = serverId) => (await f.db.authorizationServer.findUniqueOrThrow({ where: { id } })).configVersion;

  async function events(eventType: string, targetId: string) {
    const rows = await readLogEvents(f.db, { where: { eventType } });
    return rows.filter((row) => (row.target as Array<{ id: string }>)[0]?.id === targetId);
  }

  it("creates a rule (201) in Okta's shape, stores it normalized, logs it and bumps configVersion", async () => {
    const policyId = await newPolicy(serverId, "Create");
    const versionBefore = await configVersion();
    f.clock.advance(1_000);
    const now = f.clock.now.toISOString();
    const res = await f.api("POST", rulesPath(policyId), {
      type: "RESOURCE_ACCESS",
      status: "ACTIVE",
      name: "Default rule",
      priority: 1,
      system: true,
      conditions: {
        people: { users: { include: [userId], exclude: [] }, groups: { include: [groupId], exclude: [everyoneGroupId] } },
        grantTypes: { include: ["authorization_code", "refresh_token"] },
        scopes: { include: ["car:drive", "openid"] },
      },
      actions: { token: { accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 120, refreshTokenWindowMinutes: 60 } },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    const id = res.body.id as string;
    expect(id).toMatch(/^0pr[0-9A-Za-z]{17}$/);
    const self = `${ORG_URL}${rulesPath(policyId)}/${id}`;
    const expected = {
      type: "RESOURCE_ACCESS",
      id,
      status: "ACTIVE",
      name: "Default rule",
      priority: 1,
      system: false,
      created: now,
      lastUpdated: now,
      conditions: {
        people: { users: { include: [userId], exclude: [] }, groups: { include: [groupId], exclude: [everyoneGroupId] } },
        grantTypes: { include: ["authorization_code", "refresh_token"] },
        scopes: { include: ["car:drive", "openid"] },
      },
      actions: { token: { accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 120, refreshTokenWindowMinutes: 60 } },
      _links: {
        self: { href: self, hints: { allow: ["GET", "PUT", "DELETE"] } },
        deactivate: { href: `${self}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
      },
    };
    expect(res.body).toEqual(expected);
    const get = await f.api("GET", `${rulesPath(policyId)}/${id}`);
    expect(get.status).toBe(200);
    expect(get.body).toEqual(expected);
    const list = await f.api("GET", rulesPath(policyId));
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expected]);

    const row = await f.db.policyRule.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      policyId,
      type: "RESOURCE_ACCESS",
      system: false,
      accessTokenLifetimeMinutes: 30,
      refreshTokenLifetimeMinutes: 120,
      refreshTokenWindowMinutes: 60,
      inlineHook: null,
      created: new Date(now),
      lastUpdated: new Date(now),
    });
    expect(row.conditions).toEqual(expected.conditions);
    expect(await configVersion()).toBe(versionBefore + 1);
    const [event, ...more] = await events("oauth2.as.policy.rule.created", id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "Created policy rule Default rule" });
    expect(event!.target).toEqual([
      { id, type: "PolicyRule", displayName: "Default rule" },
      { id: policyId, type: "Policy", displayName: "Create" },
      { id: serverId, type: "AuthorizationServer", displayName: "Rules" },
    ]);
  });

  it("applies Okta's defaults: type, status, empty people, lifetimes 60 / 0 (unlimited) / 10080", async () => {
    const policyId = await newPolicy(serverId, "Defaults");
    const res = await f.api("POST", rulesPath(policyId), { name: "Minimal", conditions: minimalConditions });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: "RESOURCE_ACCESS",
      status: "ACTIVE",
      priority: 1,
      system: false,
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } },
        grantTypes: { include: ["authorization_code"] },
        scopes: { include: ["*"] },
      },
      actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
    });
    const nulls = await createRule(policyId, { name: "Nulls", actions: { token: { accessTokenLifetimeMinutes: null, refreshTokenLifetimeMinutes: null, refreshTokenWindowMinutes: null } } });
    expect(nulls.body.actions).toEqual({ token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } });
    const inactive = await createRule(policyId, { name: "Off", status: "INACTIVE" });
    expect(inactive.body.status).toBe("INACTIVE");
    expect(inactive.body._links.activate).toEqual({ href: `${ORG_URL}${rulesPath(policyId)}/${inactive.body.id}/lifecycle/activate`, hints: { allow: ["POST"] } });
    expect(inactive.body._links.deactivate).toBeUndefined();
  });

  it("round-trips an unlimited refresh token lifetime as 0", async () => {
    const policyId = await newPolicy(serverId, "Unlimited");
    const created = await createRule(policyId, { name: "Unlimited", actions: { token: { accessTokenLifetimeMinutes: 1440, refreshTokenLifetimeMinutes: 0 } } });
    expect(created.status).toBe(201);
    const get = await f.api("GET", `${rulesPath(policyId)}/${created.body.id}`);
    expect(get.body.actions.token.refreshTokenLifetimeMinutes).toBe(0);
    const replaced = await f.api("PUT", `${rulesPath(policyId)}/${created.body.id}`, get.body);
    expect(replaced.status).toBe(200);
    expect(replaced.body.actions.token).toEqual({ accessTokenLifetimeMinutes: 1440, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 });
    expect((await f.db.policyRule.findUniqueOrThrow({ where: { id: created.body.id } })).refreshTokenLifetimeMinutes).toBe(0);
  });

  it("accepts the spec's forms: a top-level token block and scopes as {name, access: ALLOW}", async () => {
    const policyId = await newPolicy(serverId, "Spec forms");
    const res = await f.api("POST", rulesPath(policyId), {
      type: "RESOURCE_ACCESS",
      status: "ACTIVE",
      name: "Spec rule",
      system: false,
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } },
        grantTypes: { include: ["client_credentials"] },
        scopes: { include: [{ name: "*", access: "ALLOW" }] },
      },
      token: { accessTokenLifetimeMinutes: 15, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 20 },
    });
    expect(res.status).toBe(201);
    expect(res.body.conditions.people.groups.include).toEqual(["EVERYONE"]);
    expect(res.body.conditions.scopes).toEqual({ include: ["*"] });
    expect(res.body.actions).toEqual({ token: { accessTokenLifetimeMinutes: 15, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 20 } });
    expect(res.body.token).toBeUndefined();
    const named = await createRule(policyId, { name: "Named", conditions: { ...minimalConditions, scopes: { include: [{ name: "car:drive", access: "ALLOW" }, { name: "car:park" }, "car:drive"] } } });
    expect(named.status).toBe(201);
    expect(named.body.conditions.scopes).toEqual({ include: ["car:drive", "car:park"] });
    const both = await createRule(policyId, { name: "Both", actions: { token: { accessTokenLifetimeMinutes: 25 } }, token: { accessTokenLifetimeMinutes: 45 } });
    expect(both.body.actions.token.accessTokenLifetimeMinutes).toBe(25);
    const topLevelInvalid = await createRule(policyId, { name: "Bad top-level", token: { accessTokenLifetimeMinutes: 2 } });
    expect(topLevelInvalid.status).toBe(400);
    expect(topLevelInvalid.body.errorCauses).toEqual([{ errorSummary: "token.accessTokenLifetimeMinutes: Must be between 5 and 1440 minutes (5 minutes to 1 day)." }]);
  });

  it("keeps the inline hook as sent", async () => {
    const policyId = await newPolicy(serverId, "Hook");
    const hook = { id: "calhookId00000000000", extra: { nested: true } };
    const res = await createRule(policyId, { name: "Hooked", actions: { token: { accessTokenLifetimeMinutes: 60, inlineHook: hook } } });
    expect(res.status).toBe(201);
    expect(res.body.actions.token).toEqual({ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080, inlineHook: hook });
    expect((await f.db.policyRule.findUniqueOrThrow({ where: { id: res.body.id } })).inlineHook).toEqual(hook);
    const cleared = await f.api("PUT", `${rulesPath(policyId)}/${res.body.id}`, { name: "Hooked", conditions: minimalConditions, actions: { token: { accessTokenLifetimeMinutes: 60 } } });
    expect(cleared.body.actions.token.inlineHook).toBeUndefined();
    expect((await f.db.policyRule.findUniqueOrThrow({ where: { id: res.body.id } })).inlineHook).toBeNull();
    const bad = await createRule(policyId, { name: "Bad hook", actions: { token: { inlineHook: "calhook" } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errorSummary).toBe("Api validation failed: actions.token.inlineHook");
  });

  it.each([
    [{ accessTokenLifetimeMinutes: 5 }],
    [{ accessTokenLifetimeMinutes: 1440 }],
    [{ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0 }],
    [{ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 60 }],
    [{ accessTokenLifetimeMinutes: 1440, refreshTokenLifetimeMinutes: 1440 }],
    [{ accessTokenLifetimeMinutes: 5, refreshTokenLifetimeMinutes: 5 }],
    [{ refreshTokenLifetimeMinutes: 5_256_000 }],
    [{ refreshTokenWindowMinutes: 10 }],
    [{ refreshTokenWindowMinutes: 129600 }],
  ])("accepts the lifetimes %j", async (token) => {
    const policyId = await newPolicy(serverId, "Accepted lifetimes");
    const res = await createRule(policyId, { name: "Lifetimes", actions: { token } });
    expect(res.status).toBe(201);
    expect(res.body.actions.token).toEqual({ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080, ...token });
    const row = await f.db.policyRule.findUniqueOrThrow({ where: { id: res.body.id } });
    expect({ a: row.accessTokenLifetimeMinutes, r: row.refreshTokenLifetimeMinutes, w: row.refreshTokenWindowMinutes }).toEqual({
      a: res.body.actions.token.accessTokenLifetimeMinutes,
      r: res.body.actions.token.refreshTokenLifetimeMinutes,
      w: res.body.actions.token.refreshTokenWindowMinutes,
    });
  });

  const ACCESS = "Must be between 5 and 1440 minutes (5 minutes to 1 day).";
  const WINDOW = "Must be between 10 and 129600 minutes (10 minutes to 90 days).";
  const REFRESH = "Must be 0 (unlimited) or a whole number of minutes at least the access token lifetime.";
  it.each([
    [{ accessTokenLifetimeMinutes: 4 }, "accessTokenLifetimeMinutes", ACCESS],
    [{ accessTokenLifetimeMinutes: 1441 }, "accessTokenLifetimeMinutes", ACCESS],
    [{ accessTokenLifetimeMinutes: 0 }, "accessTokenLifetimeMinutes", ACCESS],
    [{ accessTokenLifetimeMinutes: 60.5 }, "accessTokenLifetimeMinutes", ACCESS],
    [{ accessTokenLifetimeMinutes: "60" }, "accessTokenLifetimeMinutes", ACCESS],
    [{ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 59 }, "refreshTokenLifetimeMinutes", "Must be 0 (unlimited) or at least the access token lifetime (60 minutes)."],
    [{ accessTokenLifetimeMinutes: 1440, refreshTokenLifetimeMinutes: 1439 }, "refreshTokenLifetimeMinutes", "Must be 0 (unlimited) or at least the access token lifetime (1440 minutes)."],
    [{ refreshTokenLifetimeMinutes: 30 }, "refreshTokenLifetimeMinutes", "Must be 0 (unlimited) or at least the access token lifetime (60 minutes)."],
    [{ refreshTokenLifetimeMinutes: -1 }, "refreshTokenLifetimeMinutes", REFRESH],
    [{ refreshTokenLifetimeMinutes: "unlimited" }, "refreshTokenLifetimeMinutes", REFRESH],
    [{ accessTokenLifetimeMinutes: 4, refreshTokenLifetimeMinutes: 3 }, "accessTokenLifetimeMinutes", ACCESS],
    [{ accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 30.5 }, "refreshTokenLifetimeMinutes", REFRESH],
    [{ refreshTokenWindowMinutes: 9 }, "refreshTokenWindowMinutes", WINDOW],
    [{ refreshTokenWindowMinutes: 129601 }, "refreshTokenWindowMinutes", WINDOW],
  ])("rejects the lifetimes %j on %s, changing nothing", async (token, field, message) => {
    const policyId = await newPolicy(serverId, "Rejected lifetimes");
    const versionBefore = await configVersion();
    const res = await createRule(policyId, { name: "Lifetimes", actions: { token } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: actions.token.${field}` });
    expect(res.body.errorCauses).toEqual([{ errorSummary: `actions.token.${field}: ${message}` }]);
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(0);
    expect(await configVersion()).toBe(versionBefore);
  });

  const GRANTS_LIST = ALL_GRANTS.join(", ");
  it.each([
    [{ name: "R", conditions: { ...minimalConditions, grantTypes: { include: ["authorization_code", "device_code"] } } }, "conditions.grantTypes.include", `conditions.grantTypes.include: Unknown grant type: device_code. Valid values: ${GRANTS_LIST}.`],
    [{ name: "R", conditions: { ...minimalConditions, grantTypes: { include: ["magic", "urn:x", "magic"] } } }, "conditions.grantTypes.include", `conditions.grantTypes.include: Unknown grant types: magic, urn:x. Valid values: ${GRANTS_LIST}.`],
    [{ name: "R", conditions: { ...minimalConditions, grantTypes: { include: [] } } }, "conditions.grantTypes.include", `conditions.grantTypes.include: The field cannot be left blank; give one or more of ${GRANTS_LIST}.`],
    [{ name: "R", conditions: { ...minimalConditions, grantTypes: { include: "password" } } }, "conditions.grantTypes.include", `conditions.grantTypes.include: The field cannot be left blank; give one or more of ${GRANTS_LIST}.`],
    [{ name: "R", conditions: { ...minimalConditions, grantTypes: { include: [3] } } }, "conditions.grantTypes.include.0", "conditions.grantTypes.include.0: Each grant type must be a string."],
    [{ name: "R", conditions: { scopes: { include: ["*"] } } }, "conditions.grantTypes", `conditions.grantTypes: The field cannot be left blank; give {"include":[...]} with one or more of ${GRANTS_LIST}.`],
    [{ name: "R", conditions: { grantTypes: { include: ["password"] } } }, "conditions.scopes", 'conditions.scopes: The field cannot be left blank; give {"include":["*"]} for any scope, or {"include":[<scope names>]}.'],
    [{ name: "R", conditions: { ...minimalConditions, scopes: { include: [] } } }, "conditions.scopes.include", 'conditions.scopes.include: The field cannot be left blank; give ["*"] for any scope, or scope names.'],
    [{ name: "R", conditions: { ...minimalConditions, scopes: { include: ["*", "car:drive"] } } }, "conditions.scopes.include", 'conditions.scopes.include: "*" (any scope) cannot be combined with scope names.'],
    [{ name: "R", conditions: { ...minimalConditions, scopes: { include: [{ name: "car:drive", access: "DENY" }] } } }, "conditions.scopes.include.0", 'conditions.scopes.include.0: Each scope must be a scope name or {"name": "<scope>", "access": "ALLOW"}.'],
    [{ name: "R", conditions: { ...minimalConditions, scopes: { include: [7] } } }, "conditions.scopes.include.0", 'conditions.scopes.include.0: Each scope must be a scope name or {"name": "<scope>", "access": "ALLOW"}.'],
    [{ name: "R", conditions: { ...minimalConditions, people: { groups: { include: ["EVERYONE", "00gSomeGroup00000000"] } } } }, "conditions.people.groups.include", "conditions.people.groups.include: EVERYONE cannot be combined with group ids."],
    [{ name: "R", conditions: { ...minimalConditions, people: { users: { include: "00u1" } } } }, "conditions.people.users.include", "conditions.people.users.include: Must be a list of user ids."],
    [{ name: "R", conditions: { ...minimalConditions, people: "EVERYONE" } }, "conditions.people", "conditions.people: Must be an object with users and groups."],
    [{ name: "R" }, "conditions", "conditions: The field cannot be left blank; give people, grantTypes.include and scopes.include."],
    [{ conditions: minimalConditions }, "name", "name: The field cannot be left blank."],
    [{ name: "R", type: "SIGN_ON", conditions: minimalConditions }, "type", "type: Must be RESOURCE_ACCESS."],
    [{ name: "R", status: "on", conditions: minimalConditions }, "status", "status: Must be ACTIVE or INACTIVE."],
    [{ name: "R", priority: 0, conditions: minimalConditions }, "priority", "priority: Must be a whole number of at least 1."],
    [{ name: "R", actions: "token", conditions: minimalConditions }, "actions", "actions: Must be an object with a token."],
    [{ name: "R", actions: { token: 60 }, conditions: minimalConditions }, "actions.token", "actions.token: Must be an object with accessTokenLifetimeMinutes, refreshTokenLifetimeMinutes and refreshTokenWindowMinutes."],
  ])("rejects %j with E0000001 on %s and changes nothing", async (body, field, cause) => {
    const policyId = await newPolicy(serverId, "Rejected");
    const versionBefore = await configVersion();
    const res = await f.api("POST", rulesPath(policyId), body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001" });
    expect(res.body.errorCauses).toEqual([{ errorSummary: cause }]);
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(0);
    expect(await configVersion()).toBe(versionBefore);
  });

  it("accepts every supported grant type, deduplicated", async () => {
    const policyId = await newPolicy(serverId, "Grants");
    const res = await createRule(policyId, { name: "All grants", conditions: { ...minimalConditions, grantTypes: { include: [...ALL_GRANTS, "password"] } } });
    expect(res.status).toBe(201);
    expect(res.body.conditions.grantTypes).toEqual({ include: ALL_GRANTS });
  });

  it("names unknown scopes, including a scope of another server", async () => {
    const policyId = await newPolicy(serverId, "Scopes");
    const res = await createRule(policyId, { name: "S", conditions: { ...minimalConditions, scopes: { include: ["car:drive", "car:fly", "boat:sail"] } } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      errorCode: "E0000001",
      errorSummary: "Api validation failed: conditions.scopes.include",
      errorCauses: [{ errorSummary: "conditions.scopes.include: Unknown scopes: car:fly, boat:sail." }],
    });
    const one = await createRule(policyId, { name: "S", conditions: { ...minimalConditions, scopes: { include: [{ name: "Car:Drive", access: "ALLOW" }] } } });
    expect(one.body.errorCauses).toEqual([{ errorSummary: "conditions.scopes.include: Unknown scope: Car:Drive." }]);
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(0);
    const ok = await createRule(policyId, { name: "S", conditions: { ...minimalConditions, scopes: { include: ["car:drive", "openid", "offline_access"] } } });
    expect(ok.status).toBe(201);
  });

  it("accepts existing users and groups and EVERYONE; names unknown ids per field", async () => {
    const policyId = await newPolicy(serverId, "People");
    const ok = await createRule(policyId, {
      name: "People",
      conditions: {
        ...minimalConditions,
        people: { users: { include: [userId, userId], exclude: [otherUserId] }, groups: { include: [groupId, everyoneGroupId], exclude: [] } },
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.conditions.people).toEqual({ users: { include: [userId], exclude: [otherUserId] }, groups: { include: [groupId, everyoneGroupId], exclude: [] } });
    const everyone = await createRule(policyId, { name: "Everyone", conditions: { ...minimalConditions, people: { groups: { include: ["EVERYONE"] } } } });
    expect(everyone.status).toBe(201);
    expect(everyone.body.conditions.people).toEqual({ users: { include: [], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } });

    const countBefore = await f.db.policyRule.count({ where: { policyId } });
    const versionBefore = await configVersion();
    const bad = await createRule(policyId, {
      name: "Unknown people",
      conditions: {
        ...minimalConditions,
        scopes: { include: ["car:fly"] },
        people: {
          users: { include: [userId, "00uNoSuchUser0000000"], exclude: ["00uGone"] },
          groups: { include: ["00gNoSuchGroup000000"], exclude: ["EVERYONE", groupId] },
        },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errorSummary).toBe("Api validation failed: conditions.people.users.include");
    expect(bad.body.errorCauses).toEqual([
      { errorSummary: "conditions.people.users.include: Unknown user id: 00uNoSuchUser0000000." },
      { errorSummary: "conditions.people.users.exclude: Unknown user id: 00uGone." },
      { errorSummary: "conditions.people.groups.include: Unknown group id: 00gNoSuchGroup000000." },
      { errorSummary: "conditions.people.groups.exclude: Unknown group id: EVERYONE." },
      { errorSummary: "conditions.scopes.include: Unknown scope: car:fly." },
    ]);
    const group = await createRule(policyId, { name: "Unknown group", conditions: { ...minimalConditions, people: { groups: { include: ["00gNoSuchGroup000000", "00gOther"] } } } });
    expect(group.body).toMatchObject({
      errorSummary: "Api validation failed: conditions.people.groups.include",
      errorCauses: [{ errorSummary: "conditions.people.groups.include: Unknown group ids: 00gNoSuchGroup000000, 00gOther." }],
    });
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(countBefore);
    expect(await configVersion()).toBe(versionBefore);
  });

  it("keeps rule priorities dense and unique per policy on create, replace and delete", async () => {
    const policyId = await newPolicy(serverId, "Priorities");
    const otherPolicy = await newPolicy(serverId, "Untouched");
    await createRule(otherPolicy, { name: "X" });
    const ids: Record<string, string> = {};
    for (const name of ["A", "B"]) ids[name] = (await createRule(policyId, { name })).body.id;
    expect(await priorities(policyId)).toEqual([["A", 1], ["B", 2]]);
    ids.C = (await createRule(policyId, { name: "C", priority: 1 })).body.id;
    expect(await priorities(policyId)).toEqual([["C", 1], ["A", 2], ["B", 3]]);
    const d = await createRule(policyId, { name: "D", priority: 50 });
    ids.D = d.body.id;
    expect(d.body.priority).toBe(4);
    expect(await priorities(policyId)).toEqual([["C", 1], ["A", 2], ["B", 3], ["D", 4]]);
    ids.E = (await createRule(policyId, { name: "E", priority: 2 })).body.id;
    expect(await priorities(policyId)).toEqual([["C", 1], ["E", 2], ["A", 3], ["B", 4], ["D", 5]]);

    // replace: C from 1 to 4
    f.clock.advance(1_000);
    const moved = await f.api("PUT", `${rulesPath(policyId)}/${ids.C}`, { name: "C", priority: 4, conditions: minimalConditions });
    expect(moved.status).toBe(200);
    expect(moved.body.priority).toBe(4);
    expect(await priorities(policyId)).toEqual([["E", 1], ["A", 2], ["B", 3], ["C", 4], ["D", 5]]);
    expect((await f.db.policyRule.findUniqueOrThrow({ where: { id: ids.E } })).lastUpdated).toEqual(f.clock.now);
    // replace: D from 5 to 1
    await f.api("PUT", `${rulesPath(policyId)}/${ids.D}`, { name: "D", priority: 1, conditions: minimalConditions });
    expect(await priorities(policyId)).toEqual([["D", 1], ["E", 2], ["A", 3], ["B", 4], ["C", 5]]);
    // replace without a priority: to the end
    await f.api("PUT", `${rulesPath(policyId)}/${ids.E}`, { name: "E", conditions: minimalConditions });
    expect(await priorities(policyId)).toEqual([["D", 1], ["A", 2], ["B", 3], ["C", 4], ["E", 5]]);

    // delete closes the gap
    expect((await f.api("DELETE", `${rulesPath(policyId)}/${ids.A}`)).status).toBe(204);
    expect(await priorities(policyId)).toEqual([["D", 1], ["B", 2], ["C", 3], ["E", 4]]);
    await f.api("DELETE", `${rulesPath(policyId)}/${ids.D}`);
    expect(await priorities(policyId)).toEqual([["B", 1], ["C", 2], ["E", 3]]);
    await f.api("DELETE", `${rulesPath(policyId)}/${ids.E}`);
    expect(await priorities(policyId)).toEqual([["B", 1], ["C", 2]]);
    expect(await priorities(otherPolicy)).toEqual([["X", 1]]);
  });

  it("replaces a rule (PUT 200) as a whole; status is kept when omitted; a failed PUT changes nothing", async () => {
    const policyId = await newPolicy(serverId, "Replace");
    const created = await createRule(policyId, {
      name: "Before",
      status: "INACTIVE",
      conditions: { people: { users: { include: [userId] } }, grantTypes: { include: ["password"] }, scopes: { include: ["car:drive"] } },
      actions: { token: { accessTokenLifetimeMinutes: 10, refreshTokenLifetimeMinutes: 20, refreshTokenWindowMinutes: 30 } },
    });
    const id = created.body.id as string;
    const versionBefore = await configVersion();
    f.clock.advance(60_000);
    const res = await f.api("PUT", `${rulesPath(policyId)}/${id}`, {
      ...created.body,
      name: "After",
      status: undefined,
      conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["client_credentials"] }, scopes: { include: ["*"] } },
      actions: { token: { accessTokenLifetimeMinutes: 15 } },
    });
    expect(res.status).toBe(200);
    const self = `${ORG_URL}${rulesPath(policyId)}/${id}`;
    expect(res.body).toEqual({
      type: "RESOURCE_ACCESS",
      id,
      status: "INACTIVE",
      name: "After",
      priority: 1,
      system: false,
      created: created.body.created,
      lastUpdated: f.clock.now.toISOString(),
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } },
        grantTypes: { include: ["client_credentials"] },
        scopes: { include: ["*"] },
      },
      actions: { token: { accessTokenLifetimeMinutes: 15, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
      _links: {
        self: { href: self, hints: { allow: ["GET", "PUT", "DELETE"] } },
        activate: { href: `${self}/lifecycle/activate`, hints: { allow: ["POST"] } },
      },
    });
    expect(await configVersion()).toBe(versionBefore + 1);
    expect(await events("oauth2.as.policy.rule.updated", id)).toHaveLength(1);
    const activated = await f.api("PUT", `${rulesPath(policyId)}/${id}`, { ...res.body, status: "ACTIVE" });
    expect(activated.body.status).toBe("ACTIVE");

    const row = await f.db.policyRule.findUniqueOrThrow({ where: { id } });
    const version = await configVersion();
    for (const body of [
      { ...activated.body, actions: { token: { accessTokenLifetimeMinutes: 1441 } } },
      { ...activated.body, conditions: { ...activated.body.conditions, scopes: { include: ["car:fly"] } } },
      { ...activated.body, name: "" },
    ]) {
      expect((await f.api("PUT", `${rulesPath(policyId)}/${id}`, body)).status).toBe(400);
    }
    expect(await f.db.policyRule.findUniqueOrThrow({ where: { id } })).toEqual(row);
    expect(await configVersion()).toBe(version);
  });

  it("deletes a rule (bare 204), logging it", async () => {
    const policyId = await newPolicy(serverId, "Delete");
    const id = (await createRule(policyId, { name: "Doomed" })).body.id as string;
    const versionBefore = await configVersion();
    const res = await f.api("DELETE", `${rulesPath(policyId)}/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBeNull();
    expect(await f.db.policyRule.count({ where: { id } })).toBe(0);
    expect(await configVersion()).toBe(versionBefore + 1);
    const [event] = await events("oauth2.as.policy.rule.deleted", id);
    expect(event?.displayMessage).toBe("Deleted policy rule Doomed");
    const again = await f.api("DELETE", `${rulesPath(policyId)}/${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${id} (PolicyRule)` });
  });

  it("deactivates and activates a rule with bare 204s, logging each change once", async () => {
    const policyId = await newPolicy(serverId, "Lifecycle");
    const id = (await createRule(policyId, { name: "L" })).body.id as string;
    const path = `${rulesPath(policyId)}/${id}`;
    const v0 = await configVersion();
    const off = await f.api("POST", `${path}/lifecycle/deactivate`);
    expect(off.status).toBe(204);
    expect(off.text).toBe("");
    expect(off.headers.get("content-type")).toBeNull();
    const inactive = await f.api("GET", path);
    expect(inactive.body.status).toBe("INACTIVE");
    expect(inactive.body._links.activate).toEqual({ href: `${ORG_URL}${path}/lifecycle/activate`, hints: { allow: ["POST"] } });
    expect(inactive.body._links.deactivate).toBeUndefined();
    expect(await configVersion()).toBe(v0 + 1);
    expect((await f.api("POST", `${path}/lifecycle/deactivate`)).status).toBe(204);
    expect(await configVersion()).toBe(v0 + 1);
    expect(await events("oauth2.as.policy.rule.deactivated", id)).toHaveLength(1);
    const on = await f.api("POST", `${path}/lifecycle/activate`);
    expect(on.status).toBe(204);
    expect(on.text).toBe("");
    expect((await f.api("GET", path)).body.status).toBe("ACTIVE");
    expect(await configVersion()).toBe(v0 + 2);
    expect(await events("oauth2.as.policy.rule.activated", id)).toHaveLength(1);
  });

  it("deleting a policy deletes its rules", async () => {
    const policyId = await newPolicy(serverId, "Cascade");
    await createRule(policyId, { name: "R1" });
    await createRule(policyId, { name: "R2" });
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(2);
    expect((await f.api("DELETE", `/api/v1/authorizationServers/${serverId}/policies/${policyId}`)).status).toBe(204);
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(0);
    expect((await f.api("GET", rulesPath(policyId))).status).toBe(404);
  });

  it("answers 404 E0000007 for an unknown server, policy or rule, and for a rule reached through another server or policy", async () => {
    const policyId = await newPolicy(serverId, "Found");
    const siblingPolicy = await newPolicy(serverId, "Sibling");
    const foreignPolicy = await newPolicy(otherServerId, "Foreign");
    const ruleId = (await createRule(policyId, { name: "Mine" })).body.id as string;
    const ruleBody = { name: "R", conditions: minimalConditions };
    const cases: Array<[string, string, unknown, string]> = [];
    const unknownServer = "ausNoSuchServer00000";
    const everyOperation = (path: string, notFound: string) => {
      cases.push(["GET", path, undefined, notFound], ["PUT", path, ruleBody, notFound], ["DELETE", path, undefined, notFound]);
      cases.push(["POST", `${path}/lifecycle/activate`, undefined, notFound], ["POST", `${path}/lifecycle/deactivate`, undefined, notFound]);
    };
    // unknown server
    cases.push(["GET", rulesPath(policyId, unknownServer), undefined, `${unknownServer} (AuthorizationServer)`]);
    cases.push(["POST", rulesPath(policyId, unknownServer), ruleBody, `${unknownServer} (AuthorizationServer)`]);
    everyOperation(`${rulesPath(policyId, unknownServer)}/${ruleId}`, `${unknownServer} (AuthorizationServer)`);
    // unknown policy, and the right policy under another server
    for (const [server, policy] of [[serverId, "00pNoSuchPolicy00000"], [otherServerId, policyId], [serverId, foreignPolicy]] as const) {
      cases.push(["GET", rulesPath(policy, server), undefined, `${policy} (Policy)`]);
      cases.push(["POST", rulesPath(policy, server), ruleBody, `${policy} (Policy)`]);
      everyOperation(`${rulesPath(policy, server)}/${ruleId}`, `${policy} (Policy)`);
    }
    // unknown rule, and the rule under a sibling policy of the same server
    everyOperation(`${rulesPath(policyId)}/0prNoSuchRule0000000`, "0prNoSuchRule0000000 (PolicyRule)");
    everyOperation(`${rulesPath(siblingPolicy)}/${ruleId}`, `${ruleId} (PolicyRule)`);

    for (const [method, path, body, notFound] of cases) {
      const res = await f.api(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body, `${method} ${path}`).toMatchObject({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${notFound}`, errorCauses: [] });
    }
    const rule = await f.api("GET", `${rulesPath(policyId)}/${ruleId}`);
    expect(rule.body).toMatchObject({ name: "Mine", status: "ACTIVE", priority: 1 });
    expect(await f.db.policyRule.count({ where: { policyId: { in: [siblingPolicy, foreignPolicy] } } })).toBe(0);
  });

  it("answers 400 for malformed JSON and 405 for unsupported methods", async () => {
    const policyId = await newPolicy(serverId, "Protocol");
    const broken = await f.api("POST", rulesPath(policyId), undefined, { rawBody: "{", headers: { "Content-Type": "application/json" } });
    expect(broken.status).toBe(400);
    expect(broken.body.errorCode).toBe("E0000003");
    const notObject = await f.api("POST", rulesPath(policyId), "rule");
    expect(notObject.status).toBe(400);
    expect(notObject.body).toMatchObject({ errorSummary: "Api validation failed: rule", errorCauses: [{ errorSummary: "The request body must be a JSON object." }] });
    expect(await f.db.policyRule.count({ where: { policyId } })).toBe(0);
    const patch = await f.api("PATCH", rulesPath(policyId), {});
    expect(patch.status).toBe(405);
    expect(patch.headers.get("allow")).toBe("GET, POST");
    const id = (await createRule(policyId, { name: "R" })).body.id as string;
    const post = await f.api("POST", `${rulesPath(policyId)}/${id}`, {});
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, PUT, DELETE");
  });

  it("reads a rule stored with partial conditions as empty lists", async () => {
    const policyId = await newPolicy(serverId, "Partial");
    const id = newId("rule");
    await f.db.policyRule.create({
      data: { id, policyId, type: "RESOURCE_ACCESS", name: "Partial", status: "ACTIVE", priority: 1, conditions: { grantTypes: { include: ["password"] } }, accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
    });
    const res = await f.api("GET", `${rulesPath(policyId)}/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.conditions).toEqual({
      people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } },
      grantTypes: { include: ["password"] },
      scopes: { include: [] },
    });
  });

  it("lists the default server's bootstrap rule", async () => {
    const policy = await f.db.policy.findFirstOrThrow({ where: { authServerId: "default" } });
    const res = await f.api("GET", rulesPath(policy.id, "default"));
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      name: "Default Policy Rule",
      priority: 1,
      conditions: { people: { groups: { include: ["EVERYONE"], exclude: [] } }, grantTypes: { include: ALL_GRANTS }, scopes: { include: ["*"] } },
      actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 } },
    });
  });
});
