import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runListApps } from "@/lib/admin/apps/list-apps";
import { getAppContext } from "@/lib/app-context";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { countingDb } from "../support/counting-db";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

const T0 = "2026-01-15T10:00:00.000Z";
const DEFAULT_ACCESS = "00pKUfLkoJatyZDaJMYT";
const DEFAULT_ACCESS_RULE = "0prrmmh4VbzYjcI5pQOv";
const EVERYONE_ANYWHERE = {
  people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } },
  network: { connection: "ANYWHERE" },
};
const ONE_FACTOR = { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } };
const TWO_FACTORS = { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE" } } };

const link = (path: string, allow: string[]) => ({ href: `${ORG_URL}${path}`, hints: { allow } });
const error = (status: number, errorCode: string, errorSummary: string, causes: string[]) => ({
  status,
  body: { errorCode, errorSummary, errorLink: errorCode, errorId: expect.stringMatching(/^oae/), errorCauses: causes.map((errorSummary) => ({ errorSummary })) },
});

/**
 * Issue 16 item 2, per-app step-up: authentication policies (Okta Identity Engine ACCESS_POLICY)
 * under /api/v1/policies, and assigning an app to one (PUT /api/v1/apps/{appId}/policies/{policyId}),
 * on both databases.
 */
describe.each(testProviders())("authentication policies API (ACCESS_POLICY) on %s", (provider) => {
  let f: AdminFixture;
  let staffGroup: string;
  let appId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    staffGroup = (await f.api("POST", "/api/v1/groups", { profile: { name: "Staff" } })).body.id;
    const app = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Payroll",
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      settings: { oauthClient: { application_type: "web", redirect_uris: ["https://payroll.example/cb"], grant_types: ["authorization_code"], response_types: ["code"] } },
    });
    expect(app.status, JSON.stringify(app.body)).toBe(200);
    appId = app.body.id;
  });
  afterAll(() => f.close());

  const answer = async (method: string, path: string, body?: unknown) => {
    const res = await f.api(method, path, body);
    return { status: res.status, body: res.body };
  };
  const lastEvent = async (eventType: string) => (await readLogEvents(f.db, { where: { eventType }, orderBy: { published: "desc" }, take: 1 }))[0];

  it("the migration's default ACCESS_POLICY and its Catch-all Rule ask for one factor", async () => {
    expect(await answer("GET", "/api/v1/policies?type=ACCESS_POLICY")).toEqual({
      status: 200,
      body: [
        {
          type: "ACCESS_POLICY",
          id: DEFAULT_ACCESS,
          status: "ACTIVE",
          name: "Default Policy",
          description: "The default policy applies to every app assigned to no other authentication policy.",
          priority: 1,
          system: true,
          conditions: { people: { groups: { include: [] } } },
          created: expect.any(String),
          lastUpdated: expect.any(String),
          _links: { self: link(`/api/v1/policies/${DEFAULT_ACCESS}`, ["GET", "PUT"]), rules: link(`/api/v1/policies/${DEFAULT_ACCESS}/rules`, ["GET", "POST"]) },
        },
      ],
    });
    const rules = await answer("GET", `/api/v1/policies/${DEFAULT_ACCESS}/rules`);
    expect(rules.body).toEqual([
      {
        type: "ACCESS_POLICY",
        id: DEFAULT_ACCESS_RULE,
        status: "ACTIVE",
        name: "Catch-all Rule",
        priority: 1,
        system: true,
        created: expect.any(String),
        lastUpdated: expect.any(String),
        conditions: EVERYONE_ANYWHERE,
        actions: ONE_FACTOR,
        _links: { self: link(`/api/v1/policies/${DEFAULT_ACCESS}/rules/${DEFAULT_ACCESS_RULE}`, ["GET", "PUT"]) },
      },
    ]);
  });

  it("creates a policy with its Catch-all Rule, and a 2FA rule for a group placed before it", async () => {
    const created = await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Payroll needs two factors" });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    expect(created.body).toEqual({
      type: "ACCESS_POLICY",
      id: expect.stringMatching(/^00p[0-9A-Za-z]{17}$/),
      status: "ACTIVE",
      name: "Payroll needs two factors",
      description: null,
      priority: 1,
      system: false,
      conditions: { people: { groups: { include: [] } } },
      created: T0,
      lastUpdated: T0,
      _links: {
        self: link(`/api/v1/policies/${id}`, ["GET", "PUT", "DELETE"]),
        deactivate: link(`/api/v1/policies/${id}/lifecycle/deactivate`, ["POST"]),
        rules: link(`/api/v1/policies/${id}/rules`, ["GET", "POST"]),
      },
    });
    expect((await answer("GET", `/api/v1/policies/${id}/rules`)).body).toEqual([expect.objectContaining({ name: "Catch-all Rule", priority: 1, system: true, actions: ONE_FACTOR })]);

    const rule = await answer("POST", `/api/v1/policies/${id}/rules`, {
      type: "ACCESS_POLICY",
      name: "Staff: two factors",
      conditions: { people: { groups: { include: [staffGroup] } } },
      actions: TWO_FACTORS,
    });
    expect(rule).toEqual({
      status: 200,
      body: {
        type: "ACCESS_POLICY",
        id: expect.stringMatching(/^0pr[0-9A-Za-z]{17}$/),
        status: "ACTIVE",
        name: "Staff: two factors",
        priority: 1,
        system: false,
        created: T0,
        lastUpdated: T0,
        conditions: { people: { users: { include: [], exclude: [] }, groups: { include: [staffGroup], exclude: [] } }, network: { connection: "ANYWHERE" } },
        actions: TWO_FACTORS,
        _links: {
          self: link(`/api/v1/policies/${id}/rules/${rule.body.id}`, ["GET", "PUT", "DELETE"]),
          deactivate: link(`/api/v1/policies/${id}/rules/${rule.body.id}/lifecycle/deactivate`, ["POST"]),
        },
      },
    });
    expect((await answer("GET", `/api/v1/policies/${id}/rules`)).body.map((r: { name: string; priority: number }) => [r.name, r.priority])).toEqual([
      ["Staff: two factors", 1],
      ["Catch-all Rule", 2],
    ]);
  });

  it.each([
    ["an access other than ALLOW or DENY", { appSignOn: { access: "CHALLENGE", verificationMethod: { factorMode: "2FA", type: "ASSURANCE" } } }, "actions.appSignOn.access: Must be ALLOW or DENY."],
    [
      "access ALLOW without a verification method",
      { appSignOn: { access: "ALLOW" } },
      'actions.appSignOn.verificationMethod: Required when access is ALLOW. Must be {"factorMode": "1FA" | "2FA", "type": "ASSURANCE", "reauthenticateIn"?: "PT2H"}.',
    ],
    ["another verification method", { appSignOn: { access: "ALLOW", verificationMethod: { type: "AUTH_METHOD_CHAIN", chains: [] } } }, null],
    ["no factor mode", { appSignOn: { access: "ALLOW", verificationMethod: { type: "ASSURANCE" } } }, "actions.appSignOn.verificationMethod.factorMode: Must be 1FA or 2FA."],
    ...["P1M", "PT1.5H", "PT43801H", "2 hours", "PT"].map((reauthenticateIn): [string, unknown, string | null] => [
      `reauthenticateIn ${reauthenticateIn}`,
      { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn } } },
      'actions.appSignOn.verificationMethod.reauthenticateIn: Must be an ISO 8601 duration in whole weeks, days, hours, minutes or seconds from PT0S to PT43800H, such as "PT2H" (years, months and fractions are not accepted).',
    ]),
    [
      "reauthenticateIn that is not a string",
      { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: 7200 } } },
      'actions.appSignOn.verificationMethod.reauthenticateIn: Must be an ISO 8601 duration in whole weeks, days, hours, minutes or seconds from PT0S to PT43800H, such as "PT2H" (years, months and fractions are not accepted).',
    ],
    [
      "an inactivity period",
      { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", inactivityPeriod: "PT1H" } } },
      "actions.appSignOn.verificationMethod.inactivityPeriod: Not supported by this server (supported: factorMode, type, reauthenticateIn).",
    ],
    [
      "keepMeSignedIn",
      { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" }, keepMeSignedIn: { postAuth: "ALLOWED" } } },
      "actions.appSignOn.keepMeSignedIn: Not supported by this server (supported: access, verificationMethod).",
    ],
    [
      "authenticator constraints",
      { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", constraints: [{ possession: { required: true } }] } } },
      "actions.appSignOn.verificationMethod.constraints: Not supported by this server (supported: no authenticator constraints).",
    ],
    ["a factor mode other than 1FA or 2FA", { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "3FA", type: "ASSURANCE" } } }, "actions.appSignOn.verificationMethod.factorMode: Must be 1FA or 2FA."],
    ["sign-on actions", { signon: { access: "ALLOW" } }, null],
  ])("refuses a rule with %s: 400 E0000001", async (_name, actions, cause) => {
    const res = await answer("POST", `/api/v1/policies/${DEFAULT_ACCESS}/rules`, { type: "ACCESS_POLICY", name: "Refused", actions });
    expect(res.status).toBe(400);
    expect(res.body.errorCode).toBe("E0000001");
    if (cause) expect(res.body).toMatchObject({ errorSummary: `Api validation failed: ${cause.split(":")[0]}`, errorCauses: [{ errorSummary: cause }] });
    else expect(res.body.errorSummary).toMatch(/^Api validation failed: actions\.appSignOn/);
    expect((await answer("GET", `/api/v1/policies/${DEFAULT_ACCESS}/rules`)).body).toHaveLength(1);
  });

  it("refuses policy conditions (an ACCESS_POLICY has none) and the rule type of another policy type", async () => {
    expect(await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Grouped", conditions: { people: { groups: { include: [staffGroup] } } } })).toEqual(
      error(400, "E0000001", "Api validation failed: conditions", ["conditions: An ACCESS_POLICY has no policy conditions: assign apps to it and put people conditions on its rules."]),
    );
    const wrongType = await answer("POST", `/api/v1/policies/${DEFAULT_ACCESS}/rules`, { type: "SIGN_ON", name: "Wrong", actions: ONE_FACTOR });
    expect(wrongType).toEqual(error(400, "E0000001", "Api validation failed: type", ["type: Must be ACCESS_POLICY (the rule type of a ACCESS_POLICY policy)."]));
  });

  it("PUT /api/v1/apps/{appId}/policies/{policyId}: 204, audited; the policy cannot be deleted while the app is assigned to it", async () => {
    const policy = await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Assigned" });
    const res = await f.api("PUT", `/api/v1/apps/${appId}/policies/${policy.body.id}`);
    expect({ status: res.status, text: res.text }).toEqual({ status: 204, text: "" });
    expect(await f.db.appAccessPolicy.findUnique({ where: { appId }, select: { policyId: true } })).toEqual({ policyId: policy.body.id });
    expect(await lastEvent("application.lifecycle.update")).toMatchObject({
      displayMessage: `Assigned application Payroll to authentication policy Assigned`,
      target: [
        { id: appId, type: "AppInstance", displayName: "Payroll" },
        { id: policy.body.id, type: "PolicyEntity", displayName: "Assigned", detailEntry: { policyType: "ACCESS_POLICY" } },
      ],
    });

    expect(await answer("DELETE", `/api/v1/policies/${policy.body.id}`)).toEqual(
      error(400, "E0000001", "Api validation failed: id", ["id: Apps are assigned to this policy; assign them to another policy (PUT /api/v1/apps/{appId}/policies/{policyId}) before deleting it."]),
    );
    // Assigning again replaces the assignment; the policy is then free to go.
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${DEFAULT_ACCESS}`)).status).toBe(204);
    expect(await f.db.appAccessPolicy.findUnique({ where: { appId }, select: { policyId: true } })).toEqual({ policyId: DEFAULT_ACCESS });
    expect((await f.api("DELETE", `/api/v1/policies/${policy.body.id}`)).status).toBe(204);
  });

  it("assignment errors: unknown app or policy 404, a policy of another type 400, other methods 405", async () => {
    const [signOn] = (await f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    expect(await answer("PUT", `/api/v1/apps/0oaNOPE/policies/${DEFAULT_ACCESS}`)).toEqual(error(404, "E0000007", "Not found: Resource not found: 0oaNOPE (AppInstance)", []));
    expect(await answer("PUT", `/api/v1/apps/${appId}/policies/00pNOPE`)).toEqual(error(404, "E0000007", "Not found: Resource not found: 00pNOPE (Policy)", []));
    expect(await answer("PUT", `/api/v1/apps/${appId}/policies/${signOn.id}`)).toEqual(
      error(400, "E0000001", "Api validation failed: policyId", [`policyId: An app can only be assigned to an ACCESS_POLICY (authentication) policy; ${signOn.id} is OKTA_SIGN_ON.`]),
    );
    expect((await f.api("GET", `/api/v1/apps/${appId}/policies/${DEFAULT_ACCESS}`)).status).toBe(405);
  });

  it("DENY and reauthenticateIn rules: stored and answered in Okta's shape, replaced in full", async () => {
    const policy = await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Vault" });
    const id = policy.body.id as string;
    const deny = await answer("POST", `/api/v1/policies/${id}/rules`, { type: "ACCESS_POLICY", name: "Contractors: no access", conditions: { people: { groups: { include: [staffGroup] } } }, actions: { appSignOn: { access: "DENY" } } });
    expect(deny.status, JSON.stringify(deny.body)).toBe(200);
    expect(deny.body.actions).toEqual({ appSignOn: { access: "DENY", verificationMethod: { factorMode: "1FA", type: "ASSURANCE" } } });
    const reauth = { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT2H" } } };
    const fresh = await answer("POST", `/api/v1/policies/${id}/rules`, { type: "ACCESS_POLICY", name: "Everyone: two factors, every 2 hours", actions: reauth });
    expect(fresh.body.actions).toEqual(reauth);
    expect((await answer("GET", `/api/v1/policies/${id}/rules/${fresh.body.id}`)).body.actions).toEqual(reauth);
    // A DENY rule may carry Okta's verification method (kept as sent); PUT replaces the action whole.
    const denyWithMethod = { appSignOn: { access: "DENY", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT43800H", constraints: [] } } };
    const replaced = await answer("PUT", `/api/v1/policies/${id}/rules/${fresh.body.id}`, { type: "ACCESS_POLICY", name: "Everyone: no access", actions: denyWithMethod });
    expect(replaced.body.actions).toEqual({ appSignOn: { access: "DENY", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT43800H" } } });
    const stored = await f.db.orgPolicyRule.findUnique({ where: { id: fresh.body.id }, select: { actions: true } });
    expect(stored?.actions).toEqual({ appSignOn: { access: "DENY", verificationMethod: { factorMode: "2FA", type: "ASSURANCE", reauthenticateIn: "PT43800H" } } });
    expect((await f.api("DELETE", `/api/v1/policies/${id}`)).status).toBe(204);
  });

  it("an ACCESS_POLICY with apps cannot be deactivated (lifecycle or PUT), and an INACTIVE one takes no apps", async () => {
    const policy = await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "In use" });
    const id = policy.body.id as string;
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${id}`)).status).toBe(204);
    const refused = error(400, "E0000001", "Api validation failed: status", ["status: Apps are assigned to this policy; assign them to another policy (PUT /api/v1/apps/{appId}/policies/{policyId}) before deactivating it."]);
    expect(await answer("POST", `/api/v1/policies/${id}/lifecycle/deactivate`)).toEqual(refused);
    expect(await answer("PUT", `/api/v1/policies/${id}`, { type: "ACCESS_POLICY", name: "In use", status: "INACTIVE" })).toEqual(refused);
    expect(await f.db.orgPolicy.findUnique({ where: { id }, select: { status: true } })).toEqual({ status: "ACTIVE" });
    expect(await lastEvent("policy.lifecycle.deactivate")).toBeUndefined();

    // Once the app has another policy, the policy can be deactivated; then it takes no app.
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${DEFAULT_ACCESS}`)).status).toBe(204);
    expect((await f.api("POST", `/api/v1/policies/${id}/lifecycle/deactivate`)).status).toBe(204);
    expect(await answer("PUT", `/api/v1/apps/${appId}/policies/${id}`)).toEqual(
      error(400, "E0000001", "Api validation failed: policyId", [`policyId: The policy ${id} is INACTIVE; activate it before assigning apps to it.`]),
    );
    expect(await f.db.appAccessPolicy.findUnique({ where: { appId }, select: { policyId: true } })).toEqual({ policyId: DEFAULT_ACCESS });
    expect((await f.api("POST", `/api/v1/policies/${id}/lifecycle/activate`)).status).toBe(204);
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${id}`)).status).toBe(204);
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${DEFAULT_ACCESS}`)).status).toBe(204);
    expect((await f.api("DELETE", `/api/v1/policies/${id}`)).status).toBe(204);
  });

  it("apps link their authentication policy (_links.accessPolicy): the assigned one, else the default", async () => {
    const policy = await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Linked" });
    const id = policy.body.id as string;
    const accessPolicy = (policyId: string) => ({ href: `${ORG_URL}/api/v1/policies/${policyId}` });
    expect((await answer("GET", `/api/v1/apps/${appId}`)).body._links.accessPolicy).toEqual(accessPolicy(DEFAULT_ACCESS));
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${id}`)).status).toBe(204);
    expect((await answer("GET", `/api/v1/apps/${appId}`)).body._links.accessPolicy).toEqual(accessPolicy(id));
    const listed = (await answer("GET", "/api/v1/apps")).body as { id: string; _links: { accessPolicy: unknown } }[];
    expect(listed.find((app) => app.id === appId)?._links.accessPolicy).toEqual(accessPolicy(id));
    // The link resolves: GET on it is the policy.
    expect((await answer("GET", `/api/v1/policies/${id}`)).body).toMatchObject({ id, type: "ACCESS_POLICY" });
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${DEFAULT_ACCESS}`)).status).toBe(204);
    expect((await f.api("DELETE", `/api/v1/policies/${id}`)).status).toBe(204);
  });

  it("the apps list reads the policies once, not once per app (cached policy set)", async () => {
    for (const label of ["Extra one", "Extra two", "Extra three"]) {
      const created = await f.api("POST", "/api/v1/apps", {
        name: "oidc_client",
        label,
        signOnMode: "OPENID_CONNECT",
        credentials: { oauthClient: { token_endpoint_auth_method: "none" } },
        settings: { oauthClient: { application_type: "browser", redirect_uris: ["https://spa.example/cb"], grant_types: ["authorization_code"], response_types: ["code"] } },
      });
      expect(created.status).toBe(200);
    }
    const counting = countingDb(f.db);
    const ctx = { ...getAppContext(), db: counting.db, actor: { userId: "00uAdmin", login: "admin", displayName: "Admin", apiTokenId: "00Ttest", roles: ["SUPER_ADMIN"] as const, scopes: null }, client: { ipAddress: null, userAgent: null }, requestUri: null };
    const first = await runListApps(ctx, () => ({ page: { limit: 200, after: null } }));
    expect(first.items.length).toBeGreaterThanOrEqual(4);
    expect(first.items.every((app) => app._links.accessPolicy !== undefined)).toBe(true);
    const policyReads = () => counting.queries.filter((query) => /^(AppAccessPolicy|OrgPolicy|OrgPolicyRule)\./.test(query));
    expect(policyReads()).toEqual(["OrgPolicy.findMany", "AppAccessPolicy.findMany"]);
    await runListApps(ctx, () => ({ page: { limit: 200, after: null } }));
    expect(policyReads()).toHaveLength(2);
  });

  it("GET /api/v1/policies/{policyId}/app lists the apps the policy decides for (the default: every unassigned app too)", async () => {
    const policy = await answer("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Listed" });
    const id = policy.body.id as string;
    expect(await answer("GET", `/api/v1/policies/${id}/app`)).toEqual({ status: 200, body: [] });
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${id}`)).status).toBe(204);
    const listed = await f.api("GET", `/api/v1/policies/${id}/app`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([(await answer("GET", `/api/v1/apps/${appId}`)).body]);
    expect(listed.headers.get("link")).toBe(`<${ORG_URL}/api/v1/policies/${id}/app>; rel="self"`);

    const allApps = ((await answer("GET", "/api/v1/apps?limit=200")).body as { id: string }[]).map((app) => app.id);
    const byDefault = ((await answer("GET", `/api/v1/policies/${DEFAULT_ACCESS}/app`)).body as { id: string; _links: { accessPolicy: { href: string } } }[]);
    expect(byDefault.map((app) => app.id)).toEqual(allApps.filter((other) => other !== appId));
    expect(byDefault.every((app) => app._links.accessPolicy.href === `${ORG_URL}/api/v1/policies/${DEFAULT_ACCESS}`)).toBe(true);
    const paged = await f.api("GET", `/api/v1/policies/${DEFAULT_ACCESS}/app?limit=1`);
    expect(paged.body.map((app: { id: string }) => app.id)).toEqual(allApps.filter((other) => other !== appId).slice(0, 1));
    expect(paged.headers.get("link")).toContain('rel="next"');

    const [signOn] = (await f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    expect(await answer("GET", `/api/v1/policies/${signOn.id}/app`)).toEqual({ status: 200, body: [] });
    expect(await answer("GET", "/api/v1/policies/00pNOPE/app")).toEqual(error(404, "E0000007", "Not found: Resource not found: 00pNOPE (Policy)", []));
    expect((await f.api("POST", `/api/v1/policies/${id}/app`)).status).toBe(405);
    expect((await f.api("PUT", `/api/v1/apps/${appId}/policies/${DEFAULT_ACCESS}`)).status).toBe(204);
    expect((await f.api("DELETE", `/api/v1/policies/${id}`)).status).toBe(204);
  });
});
