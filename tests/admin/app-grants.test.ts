import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { SUPER_ADMIN_USER } from "../support/admin-roles";
import { readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

const T0 = "2026-01-15T10:00:00.000Z";
const validation = (field: string, causes: string[]) => ({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001", errorCauses: causes.map((errorSummary) => ({ errorSummary })) });
const notFound = (id: string, type: string) => ({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${id} (${type})`, errorLink: "E0000007", errorCauses: [] });

describe.each(testProviders())("app grants API (/api/v1/apps/{appId}/grants) on %s", (provider) => {
  let f: AdminFixture;
  let adminId: string;
  let app: { id: string; clientId: string };
  let other: { id: string; clientId: string };

  const createApp = async (label: string) => {
    const res = await f.api("POST", "/api/v1/apps", { name: "oidc_client", label, signOnMode: "OPENID_CONNECT", credentials: { oauthClient: {} }, settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } } });
    expect(res.status, res.text).toBe(200);
    return { id: res.body.id as string, clientId: res.body.credentials.oauthClient.client_id as string };
  };
  const grants = (appId: string) => `/api/v1/apps/${appId}/grants`;
  const grantJson = (id: string, scopeId: string, target = app, label = "Reporting Service") => ({
    id,
    status: "ACTIVE",
    created: T0,
    createdBy: { id: adminId, type: "User" },
    lastUpdated: T0,
    issuer: ORG_URL,
    clientId: target.clientId,
    userId: null,
    scopeId,
    source: "ADMIN",
    _links: {
      app: { href: `${ORG_URL}/api/v1/apps/${target.id}`, title: label },
      client: { href: `${ORG_URL}/oauth2/v1/clients/${target.clientId}`, title: label },
      self: { href: `${ORG_URL}/api/v1/apps/${target.id}/grants/${id}`, hints: { allow: ["GET", "DELETE"] } },
    },
  });

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    adminId = (await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER })).id;
    app = await createApp("Reporting Service");
    other = await createApp("Other Service");
  });
  afterAll(() => f.close());

  it("lists nothing for a new app", async () => {
    const res = await f.api("GET", grants(app.id));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it("grants a scope (201, Okta's OAuth2ScopeConsentGrant), moves the clients cache and logs app.oauth2.as.consent.grant", async () => {
    const before = (await f.db.cacheVersion.findUnique({ where: { topic: "clients" } }))?.version ?? 0;
    const res = await f.api("POST", grants(app.id), { scopeId: "okta.users.read", issuer: ORG_URL });
    expect(res.status, res.text).toBe(201);
    const id = res.body.id as string;
    expect(id).toMatch(/^oag[0-9A-Za-z]{17}$/);
    expect(res.body).toEqual(grantJson(id, "okta.users.read"));
    expect((await f.db.cacheVersion.findUniqueOrThrow({ where: { topic: "clients" } })).version).toBeGreaterThan(before);
    const event = await readLogEvent(f.db, { where: { eventType: "app.oauth2.as.consent.grant" } });
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "Grant okta.users.read to app Reporting Service" });
    expect(event.target).toEqual([
      { id: app.id, type: "AppInstance", alternateId: app.clientId, displayName: "Reporting Service" },
      { id, type: "OAuth2ScopeConsentGrant", alternateId: "okta.users.read", displayName: "okta.users.read" },
    ]);
  });

  it("lists, gets and expands the scope", async () => {
    const second = await f.api("POST", grants(app.id), { scopeId: "okta.groups.manage", issuer: `${ORG_URL}/`, id: "ignored", status: "INACTIVE" });
    expect(second.status, second.text).toBe(201);
    expect(second.body).toMatchObject({ scopeId: "okta.groups.manage", issuer: ORG_URL, status: "ACTIVE" });
    const list = await f.api("GET", grants(app.id));
    expect(list.status).toBe(200);
    expect(list.body.map((grant: { scopeId: string }) => grant.scopeId).sort()).toEqual(["okta.groups.manage", "okta.users.read"]);
    const one = await f.api("GET", `${grants(app.id)}/${second.body.id}?expand=scope`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ ...grantJson(second.body.id, "okta.groups.manage"), _embedded: { scope: { id: "okta.groups.manage" } } });
    const expanded = await f.api("GET", `${grants(app.id)}?expand=scope`);
    expect(expanded.body.every((grant: { _embedded?: { scope: { id: string } }; scopeId: string }) => grant._embedded?.scope.id === grant.scopeId)).toBe(true);
  });

  it.each<[string, unknown, ReturnType<typeof validation>]>([
    ["a scope granted already", { scopeId: "okta.users.read", issuer: ORG_URL }, validation("scopeId", ["scopeId: The app has already been granted okta.users.read."])],
    ["an unknown okta scope", { scopeId: "okta.everything.manage", issuer: ORG_URL }, validation("scopeId", ["scopeId: The scope is not an Okta API scope of the org authorization server."])],
    ["a custom scope", { scopeId: "openid", issuer: ORG_URL }, validation("scopeId", ["scopeId: The scope is not an Okta API scope of the org authorization server."])],
    ["a custom server's issuer", { scopeId: "okta.apps.read", issuer: `${ORG_URL}/oauth2/default` }, validation("issuer", [`issuer: Okta API scopes are granted for the org authorization server only: issuer must be ${ORG_URL}.`])],
    ["no issuer", { scopeId: "okta.apps.read" }, validation("issuer", ["issuer: The field cannot be left blank."])],
    ["no scopeId", { issuer: ORG_URL }, validation("scopeId", ["scopeId: The field cannot be left blank."])],
    ["a body that is not an object", ["okta.apps.read"], validation("grant", ["Invalid input: expected object, received array"])],
  ])("refuses %s: 400 E0000001, nothing written", async (_name, body, error) => {
    const count = await f.db.appScopeGrant.count();
    const res = await f.api("POST", grants(app.id), body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject(error);
    expect(await f.db.appScopeGrant.count()).toBe(count);
  });

  it("answers 404 for an unknown app (before reading the body) and for another app's grant", async () => {
    const unknown = await f.api("POST", grants("0oaUnknownApp0000001"), { scopeId: "nope" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject(notFound("0oaUnknownApp0000001", "AppInstance"));
    expect((await f.api("GET", grants("0oaUnknownApp0000001"))).status).toBe(404);
    const mine = (await f.api("GET", grants(app.id))).body[0].id as string;
    const elsewhere = await f.api("GET", `${grants(other.id)}/${mine}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject(notFound(mine, "OAuth2ScopeConsentGrant"));
    expect((await f.api("DELETE", `${grants(other.id)}/${mine}`)).status).toBe(404);
    expect(await f.db.appScopeGrant.count({ where: { id: mine } })).toBe(1);
  });

  it("revokes (204, logged); the grant is gone and the scope can be granted again", async () => {
    const granted = await f.api("POST", grants(other.id), { scopeId: "okta.logs.read", issuer: ORG_URL });
    const id = granted.body.id as string;
    const res = await f.api("DELETE", `${grants(other.id)}/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await f.api("GET", `${grants(other.id)}/${id}`)).status).toBe(404);
    expect((await f.api("DELETE", `${grants(other.id)}/${id}`)).status).toBe(404);
    const event = await readLogEvent(f.db, { where: { eventType: "app.oauth2.as.consent.revoke" } });
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "Revoke okta.logs.read from app Other Service" });
    expect((await f.api("POST", grants(other.id), { scopeId: "okta.logs.read", issuer: ORG_URL })).status).toBe(201);
  });

  it("deleting the app deletes its grants", async () => {
    const doomed = await createApp("Doomed Service");
    expect((await f.api("POST", grants(doomed.id), { scopeId: "okta.apps.read", issuer: ORG_URL })).status).toBe(201);
    expect((await f.api("POST", `/api/v1/apps/${doomed.id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await f.api("DELETE", `/api/v1/apps/${doomed.id}`)).status).toBe(204);
    expect(await f.db.appScopeGrant.count({ where: { appId: doomed.id } })).toBe(0);
  });
});
