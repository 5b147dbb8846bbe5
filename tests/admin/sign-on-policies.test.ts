import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateEnrollPolicy } from "@/lib/sign-on-policies/evaluate-enroll-policy";
import { evaluateSignOnPolicy } from "@/lib/sign-on-policies/evaluate-sign-on-policy";
import { getOrgPolicies } from "@/lib/sign-on-policies/get-org-policies";
import { NO_ZONES } from "@/lib/network-zones/get-network-zones";
import { countingDb } from "../support/counting-db";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

const T0 = "2026-01-15T10:00:00.000Z";
const DEFAULT_SIGN_ON = "00pAQsjOzgHTPYylWbfJ";
const DEFAULT_SIGN_ON_RULE = "0przGTJ52EP0ItdU02kF";
const DEFAULT_ENROLL = "00pbB3AUiZG26BwkFcn5";
const DEFAULT_DESCRIPTION = "The default policy applies in all situations if no other policy applies.";
const EVERYONE_ANYWHERE = {
  people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } },
  network: { connection: "ANYWHERE" },
};

const link = (path: string, allow: string[]) => ({ href: `${ORG_URL}${path}`, hints: { allow } });
const policyLinks = (id: string, status: "ACTIVE" | "INACTIVE" | "SYSTEM") => ({
  self: link(`/api/v1/policies/${id}`, status === "SYSTEM" ? ["GET", "PUT"] : ["GET", "PUT", "DELETE"]),
  ...(status === "ACTIVE" ? { deactivate: link(`/api/v1/policies/${id}/lifecycle/deactivate`, ["POST"]) } : {}),
  ...(status === "INACTIVE" ? { activate: link(`/api/v1/policies/${id}/lifecycle/activate`, ["POST"]) } : {}),
  rules: link(`/api/v1/policies/${id}/rules`, ["GET", "POST"]),
});
const ruleLinks = (policyId: string, id: string, status: "ACTIVE" | "INACTIVE" | "SYSTEM") => ({
  self: link(`/api/v1/policies/${policyId}/rules/${id}`, status === "SYSTEM" ? ["GET", "PUT"] : ["GET", "PUT", "DELETE"]),
  ...(status === "ACTIVE" ? { deactivate: link(`/api/v1/policies/${policyId}/rules/${id}/lifecycle/deactivate`, ["POST"]) } : {}),
  ...(status === "INACTIVE" ? { activate: link(`/api/v1/policies/${policyId}/rules/${id}/lifecycle/activate`, ["POST"]) } : {}),
});
const error = (status: number, errorCode: string, errorSummary: string, causes: string[]) => ({
  status,
  body: { errorCode, errorSummary, errorLink: errorCode, errorId: expect.stringMatching(/^oae/), errorCauses: causes.map((errorSummary) => ({ errorSummary })) },
});

describe.each(testProviders())("org policies API (OKTA_SIGN_ON, MFA_ENROLL) on %s", (provider) => {
  let f: AdminFixture;
  let staffGroup: string;
  let aliceId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const group = await f.api("POST", "/api/v1/groups", { profile: { name: "Staff" } });
    staffGroup = group.body.id;
    const user = await f.api("POST", "/api/v1/users?activate=false", { profile: { login: "alice@idp.test", email: "alice@idp.test", firstName: "Alice", lastName: "A" } });
    aliceId = user.body.id;
  });
  afterAll(() => f.close());

  const answer = async (method: string, path: string, body?: unknown) => {
    const res = await f.api(method, path, body);
    return { status: res.status, body: res.body };
  };
  const names = async (type: string) => (await f.api("GET", `/api/v1/policies?type=${type}`)).body.map((p: { name: string; priority: number }) => [p.name, p.priority]);
  const ruleNames = async (policyId: string) => (await f.api("GET", `/api/v1/policies/${policyId}/rules`)).body.map((r: { name: string; priority: number }) => [r.name, r.priority]);
  const lastEvent = async (eventType: string) => (await readLogEvents(f.db, { where: { eventType }, orderBy: { published: "desc" }, take: 1 }))[0];

  describe("the default policies, created by the migration", () => {
    it("lists the default OKTA_SIGN_ON policy and its default rule: allow, no factor, the org's session idle time, a persistent cookie", async () => {
      const [policy] = (await f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
      expect(policy).toEqual({
        type: "OKTA_SIGN_ON",
        id: DEFAULT_SIGN_ON,
        status: "ACTIVE",
        name: "Default Policy",
        description: DEFAULT_DESCRIPTION,
        priority: 1,
        system: true,
        conditions: { people: { groups: { include: [] } } },
        created: expect.any(String),
        lastUpdated: expect.any(String),
        _links: policyLinks(DEFAULT_SIGN_ON, "SYSTEM"),
      });
      expect(await answer("GET", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules`)).toEqual({
        status: 200,
        body: [
          {
            type: "SIGN_ON",
            id: DEFAULT_SIGN_ON_RULE,
            status: "ACTIVE",
            name: "Default Rule",
            priority: 1,
            system: true,
            created: expect.any(String),
            lastUpdated: expect.any(String),
            conditions: EVERYONE_ANYWHERE,
            actions: { signon: { access: "ALLOW", requireFactor: false, rememberDeviceByDefault: false, session: { maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0, usePersistentCookie: true } } },
            _links: ruleLinks(DEFAULT_SIGN_ON, DEFAULT_SIGN_ON_RULE, "SYSTEM"),
          },
        ],
      });
    });

    it("lists the default MFA_ENROLL policy: every factor OPTIONAL, enrolled when first challenged", async () => {
      const [policy] = (await f.api("GET", "/api/v1/policies?type=MFA_ENROLL")).body;
      expect(policy).toMatchObject({
        type: "MFA_ENROLL",
        id: DEFAULT_ENROLL,
        system: true,
        settings: {
          type: "FACTORS",
          factors: {
            okta_otp: { enroll: { self: "OPTIONAL" }, consent: { type: "NONE" } },
            google_otp: { enroll: { self: "OPTIONAL" }, consent: { type: "NONE" } },
            fido_webauthn: { enroll: { self: "OPTIONAL" }, consent: { type: "NONE" } },
          },
        },
      });
      const [rule] = (await f.api("GET", `/api/v1/policies/${DEFAULT_ENROLL}/rules`)).body;
      expect([rule.type, rule.name, rule.system, rule.actions]).toEqual(["MFA_ENROLL", "Default Rule", true, { enroll: { self: "CHALLENGE" } }]);
    });

    it("keeps today's behaviour: every user is allowed without a factor and enrolls nothing", async () => {
      const policies = await getOrgPolicies(f.db, f.clock.now);
      const who = { policies, user: { id: aliceId }, groupIds: [], ipAddress: "203.0.113.7", zones: NO_ZONES };
      expect(evaluateSignOnPolicy({ ...who, session: {}, now: f.clock.now })).toMatchObject({ access: "ALLOW", requireFactor: false, challenge: false, matched: { ruleId: DEFAULT_SIGN_ON_RULE } });
      expect(evaluateEnrollPolicy(who)).toMatchObject({ enroll: "CHALLENGE", factors: { okta_otp: "OPTIONAL", google_otp: "OPTIONAL", fido_webauthn: "OPTIONAL" } });
    });

    it("refuses to delete or deactivate the default policy and rule, and keeps them last", async () => {
      const refused = (field: string, cause: string) => error(400, "E0000001", `Api validation failed: ${field}`, [`${field}: ${cause}`]);
      expect(await answer("DELETE", `/api/v1/policies/${DEFAULT_SIGN_ON}`)).toEqual(refused("system", "The default policy cannot be deleted."));
      expect(await answer("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/lifecycle/deactivate`)).toEqual(refused("status", "The default policy cannot be deactivated."));
      expect(await answer("DELETE", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules/${DEFAULT_SIGN_ON_RULE}`)).toEqual(refused("system", "The default rule cannot be deleted."));
      expect(await answer("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules/${DEFAULT_SIGN_ON_RULE}/lifecycle/deactivate`)).toEqual(refused("status", "The default rule cannot be deactivated."));
      expect(await answer("PUT", `/api/v1/policies/${DEFAULT_SIGN_ON}`, { type: "OKTA_SIGN_ON", name: "Default Policy", conditions: { people: { groups: { include: [staffGroup] } } } })).toEqual(
        refused("conditions.people.groups.include", "The default policy applies to everyone; it takes no groups."),
      );
      expect(
        await answer("PUT", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules/${DEFAULT_SIGN_ON_RULE}`, {
          name: "Default Rule",
          conditions: { people: { users: { exclude: [aliceId] } } },
          actions: { signon: { access: "ALLOW" } },
        }),
      ).toEqual(refused("conditions", "The default rule applies to everyone, anywhere; its conditions cannot change."));
      // activating an active default is a no-op 204
      expect((await f.api("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/lifecycle/activate`)).status).toBe(204);
    });
  });

  describe("policies: create, get, replace, lifecycle, delete", () => {
    it("creates an OKTA_SIGN_ON policy (200) before the default policy, logs policy.lifecycle.create and moves the cache version", async () => {
      const version = async () => (await f.db.cacheVersion.findUnique({ where: { topic: "sign-on-policies" } }))?.version ?? 0;
      const before = await version();
      const res = await f.api("POST", "/api/v1/policies", {
        type: "OKTA_SIGN_ON",
        name: "Staff sign-on",
        description: "MFA for staff",
        conditions: { people: { groups: { include: [staffGroup] } } },
      });
      expect(res.status).toBe(200);
      const id = res.body.id as string;
      expect(id).toMatch(/^00p[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        type: "OKTA_SIGN_ON",
        id,
        status: "ACTIVE",
        name: "Staff sign-on",
        description: "MFA for staff",
        priority: 1,
        system: false,
        conditions: { people: { groups: { include: [staffGroup] } } },
        created: T0,
        lastUpdated: T0,
        _links: policyLinks(id, "ACTIVE"),
      });
      expect(await names("OKTA_SIGN_ON")).toEqual([["Staff sign-on", 1], ["Default Policy", 2]]);
      expect(await version()).toBeGreaterThan(before);
      const event = await lastEvent("policy.lifecycle.create");
      expect([event?.displayMessage, event?.target]).toEqual(["Create policy Staff sign-on", [{ id, type: "PolicyEntity", displayName: "Staff sign-on", detailEntry: { policyType: "OKTA_SIGN_ON" } }]]);
      expect(await answer("GET", `/api/v1/policies/${id}`)).toEqual({ status: 200, body: res.body });
    });

    it("places by priority, never after the default policy, and renumbers on move and delete", async () => {
      const a = (await f.api("POST", "/api/v1/policies", { type: "OKTA_SIGN_ON", name: "A", priority: 99 })).body.id;
      const b = (await f.api("POST", "/api/v1/policies", { type: "OKTA_SIGN_ON", name: "B", priority: 1 })).body.id;
      expect(await names("OKTA_SIGN_ON")).toEqual([["B", 1], ["Staff sign-on", 2], ["A", 3], ["Default Policy", 4]]);
      const moved = await f.api("PUT", `/api/v1/policies/${a}`, { type: "OKTA_SIGN_ON", name: "A", priority: 1 });
      expect([moved.status, moved.body.priority]).toEqual([200, 1]);
      expect(await names("OKTA_SIGN_ON")).toEqual([["A", 1], ["B", 2], ["Staff sign-on", 3], ["Default Policy", 4]]);
      expect((await f.api("PUT", `/api/v1/policies/${DEFAULT_SIGN_ON}`, { type: "OKTA_SIGN_ON", name: "Default Policy", priority: 1 })).body.priority).toBe(4);
      expect((await f.api("DELETE", `/api/v1/policies/${b}`)).status).toBe(204);
      expect((await f.api("DELETE", `/api/v1/policies/${a}`)).status).toBe(204);
      expect(await names("OKTA_SIGN_ON")).toEqual([["Staff sign-on", 1], ["Default Policy", 2]]);
      expect((await lastEvent("policy.lifecycle.delete"))?.displayMessage).toBe("Delete policy A");
      expect(await answer("GET", `/api/v1/policies/${a}`)).toEqual(error(404, "E0000007", `Not found: Resource not found: ${a} (Policy)`, []));
    });

    it("deactivates and activates a policy (204, one event each, links follow)", async () => {
      const id = (await f.api("POST", "/api/v1/policies?activate=false", { type: "OKTA_SIGN_ON", name: "Later" })).body.id;
      expect((await f.api("GET", `/api/v1/policies/${id}`)).body).toMatchObject({ status: "INACTIVE", _links: policyLinks(id, "INACTIVE") });
      expect((await f.api("POST", `/api/v1/policies/${id}/lifecycle/activate`)).status).toBe(204);
      expect((await lastEvent("policy.lifecycle.activate"))?.displayMessage).toBe("Activate policy Later");
      expect((await f.api("POST", `/api/v1/policies/${id}/lifecycle/deactivate`)).status).toBe(204);
      expect((await lastEvent("policy.lifecycle.deactivate"))?.displayMessage).toBe("Deactivate policy Later");
      expect((await f.api("GET", `/api/v1/policies/${id}`)).body.status).toBe("INACTIVE");
      expect((await f.api("DELETE", `/api/v1/policies/${id}`)).status).toBe(204);
    });

    it("replaces an MFA_ENROLL policy's factor settings (a factor left out is NOT_ALLOWED)", async () => {
      const res = await f.api("POST", "/api/v1/policies", {
        type: "MFA_ENROLL",
        name: "Passkeys for staff",
        conditions: { people: { groups: { include: [staffGroup] } } },
        settings: { type: "FACTORS", factors: { fido_webauthn: { enroll: { self: "REQUIRED" }, consent: { type: "NONE" } }, okta_otp: { enroll: { self: "OPTIONAL" } } } },
      });
      expect(res.status).toBe(200);
      expect(res.body.settings).toEqual({
        type: "FACTORS",
        factors: {
          okta_otp: { enroll: { self: "OPTIONAL" }, consent: { type: "NONE" } },
          google_otp: { enroll: { self: "NOT_ALLOWED" }, consent: { type: "NONE" } },
          fido_webauthn: { enroll: { self: "REQUIRED" }, consent: { type: "NONE" } },
        },
      });
      const replaced = await f.api("PUT", `/api/v1/policies/${res.body.id}`, { name: "Passkeys for staff", settings: { factors: { google_otp: { enroll: { self: "REQUIRED" } } } } });
      expect([replaced.status, replaced.body.settings.factors.google_otp, replaced.body.conditions]).toEqual([200, { enroll: { self: "REQUIRED" }, consent: { type: "NONE" } }, { people: { groups: { include: [] } } }]);
      expect((await lastEvent("policy.lifecycle.update"))?.displayMessage).toBe("Update policy Passkeys for staff");
      expect((await f.api("DELETE", `/api/v1/policies/${res.body.id}`)).status).toBe(204);
    });
  });

  describe("rules", () => {
    // The default policy: the "Staff sign-on" policy before it has no rules, so it gives way.
    const policyId = DEFAULT_SIGN_ON;

    it("creates a SIGN_ON rule (200) before the default rule with Okta's defaults, and the sign-in decision follows at once", async () => {
      const res = await f.api("POST", `/api/v1/policies/${policyId}/rules`, {
        type: "SIGN_ON",
        name: "Staff need a factor",
        conditions: { people: { groups: { include: [staffGroup] } }, network: { connection: "ANYWHERE" } },
        actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "SESSION", factorLifetime: 15 } },
      });
      expect(res.status).toBe(200);
      const id = res.body.id as string;
      expect(id).toMatch(/^0pr[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        type: "SIGN_ON",
        id,
        status: "ACTIVE",
        name: "Staff need a factor",
        priority: 1,
        system: false,
        created: T0,
        lastUpdated: T0,
        conditions: { people: { users: { include: [], exclude: [] }, groups: { include: [staffGroup], exclude: [] } }, network: { connection: "ANYWHERE" } },
        actions: {
          signon: {
            access: "ALLOW",
            requireFactor: true,
            factorPromptMode: "SESSION",
            factorLifetime: 15,
            rememberDeviceByDefault: false,
            session: { maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0, usePersistentCookie: false },
          },
        },
        _links: ruleLinks(policyId, id, "ACTIVE"),
      });
      const event = await lastEvent("policy.rule.add");
      expect([event?.displayMessage, (event?.target as Array<{ type: string }>).map((t) => t.type)]).toEqual(["Add policy rule Staff need a factor", ["PolicyRule", "PolicyEntity"]]);
      expect(await answer("GET", `/api/v1/policies/${policyId}/rules/${id}`)).toEqual({ status: 200, body: res.body });

      const policies = await getOrgPolicies(f.db, f.clock.now);
      const decide = (groupIds: string[]) => evaluateSignOnPolicy({ policies, user: { id: aliceId }, groupIds, ipAddress: null, zones: NO_ZONES, session: {}, now: f.clock.now });
      expect([decide([staffGroup]).matched?.ruleId, decide([staffGroup]).challenge]).toEqual([id, true]);
      expect([decide([]).matched?.ruleId, decide([]).challenge]).toEqual([DEFAULT_SIGN_ON_RULE, false]);
    });

    it("reads the policies from the cache: one load, then no query within a second, then one version read", async () => {
      const { db: counted, queries } = countingDb(f.db);
      await getOrgPolicies(counted, f.clock.now);
      expect(queries.sort()).toEqual(["AppAccessPolicy.findMany", "CacheVersion.findUnique", "Group.findFirst", "OrgPolicy.findMany"]);
      queries.length = 0;
      await getOrgPolicies(counted, new Date(f.clock.now.getTime() + 999));
      expect(queries).toEqual([]);
      await getOrgPolicies(counted, new Date(f.clock.now.getTime() + 1000));
      expect(queries).toEqual(["CacheVersion.findUnique"]);
    });

    it("orders, replaces, deactivates and deletes rules; the default rule stays last and its actions may change", async () => {
      const second = (await f.api("POST", `/api/v1/policies/${policyId}/rules`, { name: "Deny Alice", priority: 1, conditions: { people: { users: { include: [aliceId] } } }, actions: { signon: { access: "DENY" } } })).body;
      expect(await ruleNames(policyId)).toEqual([["Deny Alice", 1], ["Staff need a factor", 2], ["Default Rule", 3]]);
      const replaced = await f.api("PUT", `/api/v1/policies/${policyId}/rules/${second.id}`, { name: "Deny Alice", priority: 5, conditions: second.conditions, actions: { signon: { access: "DENY" } } });
      expect([replaced.status, replaced.body.priority]).toEqual([200, 2]);
      expect(await ruleNames(policyId)).toEqual([["Staff need a factor", 1], ["Deny Alice", 2], ["Default Rule", 3]]);
      expect((await f.api("POST", `/api/v1/policies/${policyId}/rules/${second.id}/lifecycle/deactivate`)).status).toBe(204);
      expect((await lastEvent("policy.rule.deactivate"))?.displayMessage).toBe("Deactivate policy rule Deny Alice");
      expect((await f.api("GET", `/api/v1/policies/${policyId}/rules/${second.id}`)).body).toMatchObject({ status: "INACTIVE", _links: ruleLinks(policyId, second.id, "INACTIVE") });
      expect((await f.api("DELETE", `/api/v1/policies/${policyId}/rules/${second.id}`)).status).toBe(204);
      expect(await ruleNames(policyId)).toEqual([["Staff need a factor", 1], ["Default Rule", 2]]);

      const everyone = await f.api("PUT", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules/${DEFAULT_SIGN_ON_RULE}`, {
        name: "Default Rule",
        priority: 1,
        actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 5, session: { maxSessionIdleMinutes: 60, maxSessionLifetimeMinutes: 720, usePersistentCookie: true } } },
      });
      expect([everyone.status, everyone.body.priority, everyone.body.system, everyone.body.actions.signon.factorPromptMode]).toEqual([200, 2, true, "ALWAYS"]);
      expect((await lastEvent("policy.rule.update"))?.displayMessage).toBe("Update policy rule Default Rule");
    });

    it("creates an MFA_ENROLL rule: enroll at LOGIN", async () => {
      const res = await f.api("POST", `/api/v1/policies/${DEFAULT_ENROLL}/rules`, { name: "Enroll at sign-in", actions: { enroll: { self: "LOGIN" } } });
      expect([res.status, res.body.type, res.body.priority, res.body.actions]).toEqual([200, "MFA_ENROLL", 1, { enroll: { self: "LOGIN" } }]);
      const policies = await getOrgPolicies(f.db, f.clock.now);
      expect(evaluateEnrollPolicy({ policies, user: { id: aliceId }, groupIds: [], ipAddress: null, zones: NO_ZONES }).enroll).toBe("LOGIN");
    });
  });

  describe("bad input", () => {
    it.each([
      ["no type on the list", "GET", "/api/v1/policies", undefined, error(400, "E0000001", "Api validation failed: type", ["type: The field cannot be left blank; give OKTA_SIGN_ON, MFA_ENROLL, ACCESS_POLICY."])],
      [
        "a type Okta has and this server does not",
        "GET",
        "/api/v1/policies?type=PASSWORD",
        undefined,
        error(400, "E0000002", "The request was not valid: Invalid policy type specified", ["type: PASSWORD policies are not supported by this server; supported: OKTA_SIGN_ON, MFA_ENROLL, ACCESS_POLICY."]),
      ],
      [
        "authorization-server policies",
        "POST",
        "/api/v1/policies",
        { type: "OAUTH_AUTHORIZATION_POLICY", name: "x" },
        error(400, "E0000002", "The request was not valid: Invalid policy type specified", [
          "type: OAUTH_AUTHORIZATION_POLICY policies belong to an authorization server: /api/v1/authorizationServers/{authServerId}/policies.",
        ]),
      ],
      ["an unknown type", "GET", "/api/v1/policies?type=NOPE", undefined, error(400, "E0000002", "The request was not valid: Invalid policy type specified", ["type: Unknown policy type; supported: OKTA_SIGN_ON, MFA_ENROLL, ACCESS_POLICY."])],
      ["no name", "POST", "/api/v1/policies", { type: "OKTA_SIGN_ON" }, error(400, "E0000001", "Api validation failed: name", ["name: The field cannot be left blank."])],
      [
        "an unknown group",
        "POST",
        "/api/v1/policies",
        { type: "OKTA_SIGN_ON", name: "x", conditions: { people: { groups: { include: ["00gNoSuchGroup000001"] } } } },
        error(400, "E0000001", "Api validation failed: conditions.people.groups.include", ["conditions.people.groups.include: Unknown group id: 00gNoSuchGroup000001."]),
      ],
      [
        "a factor this server does not offer",
        "POST",
        "/api/v1/policies",
        { type: "MFA_ENROLL", name: "x", settings: { factors: { okta_sms: { enroll: { self: "REQUIRED" } } } } },
        error(400, "E0000001", "Api validation failed: settings.factors.okta_sms", ["settings.factors.okta_sms: Not supported by this server (supported: factors okta_otp, google_otp, fido_webauthn)."]),
      ],
    ] as const)("%s", async (_, method, path, body, expected) => {
      expect(await answer(method, path, body)).toEqual(expected);
    });

    it.each([
      [
        "an unknown network zone",
        { name: "x", conditions: { network: { connection: "ZONE", include: ["nzoSomeZone"] } }, actions: { signon: { access: "ALLOW" } } },
        "conditions.network.include",
        ["conditions.network.include: Unknown zone id: nzoSomeZone."],
      ],
      [
        "zones without connection ZONE",
        { name: "x", conditions: { network: { connection: "ANYWHERE", exclude: ["nzoSomeZone"] } }, actions: { signon: { access: "ALLOW" } } },
        "conditions.network.connection",
        ["conditions.network.connection: Must be ZONE when zones are included or excluded."],
      ],
      ["a factor without its prompt mode and lifetime", { name: "x", actions: { signon: { access: "ALLOW", requireFactor: true } } }, "actions.signon.factorPromptMode", [
        "actions.signon.factorPromptMode: Required when requireFactor is true.",
        "actions.signon.factorLifetime: Required when requireFactor is true.",
      ]],
      ["an unknown user", { name: "x", conditions: { people: { users: { exclude: ["00uNoSuchUser0000001"] } } }, actions: { signon: { access: "ALLOW" } } }, "conditions.people.users.exclude", [
        "conditions.people.users.exclude: Unknown user id: 00uNoSuchUser0000001.",
      ]],
      ["a condition this server does not evaluate", { name: "x", conditions: { riskScore: { level: "HIGH" } }, actions: { signon: { access: "ALLOW" } } }, "conditions.riskScore", [
        "conditions.riskScore: Not supported by this server (supported: people, network, authContext).",
      ]],
      ["another policy type's actions", { name: "x", actions: { enroll: { self: "LOGIN" } } }, "actions.signon", [
        'actions.signon: Must be an object: {"access": "ALLOW" | "DENY", ...}.',
      ]],
      ["a rule type of another policy type", { type: "MFA_ENROLL", name: "x", actions: { signon: { access: "ALLOW" } } }, "type", ["type: Must be SIGN_ON (the rule type of a OKTA_SIGN_ON policy)."]],
    ] as const)("refuses a SIGN_ON rule with %s", async (_, body, field, causes) => {
      expect(await answer("POST", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules`, body)).toEqual(error(400, "E0000001", `Api validation failed: ${field}`, [...causes]));
    });

    it("answers 404 for an unknown policy or rule, before reading the body", async () => {
      expect(await answer("POST", "/api/v1/policies/00pNoSuchPolicy00001/rules", { nonsense: true })).toEqual(error(404, "E0000007", "Not found: Resource not found: 00pNoSuchPolicy00001 (Policy)", []));
      expect(await answer("GET", `/api/v1/policies/${DEFAULT_SIGN_ON}/rules/0prNoSuchRule0000001`)).toEqual(error(404, "E0000007", "Not found: Resource not found: 0prNoSuchRule0000001 (PolicyRule)", []));
      // a rule of another policy is not found under this one
      expect((await f.api("GET", `/api/v1/policies/${DEFAULT_ENROLL}/rules/${DEFAULT_SIGN_ON_RULE}`)).status).toBe(404);
    });

    it("refuses to change a policy's type", async () => {
      expect(await answer("PUT", `/api/v1/policies/${DEFAULT_ENROLL}`, { type: "OKTA_SIGN_ON", name: "Default Policy" })).toEqual(
        error(400, "E0000001", "Api validation failed: type", ["type: The type of a policy cannot change (it is MFA_ENROLL)."]),
      );
    });
  });
});
