import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectNoStoreJson, expectOAuthError, ISSUER, type TestApp, type TokenFixture } from "./token-fixture";
import { readLogEvents } from "../support/read-log-events";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe.each(testProviders())("token endpoint, client_credentials on %s", (provider) => {
  let t: TokenFixture;
  let service: TestApp;
  let activeKid: string;

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    await t.scope("orders:read", { isDefault: true });
    await t.scope("orders:write");
    await t.scope("reports:read", { isDefault: true });
    service = await t.app("Billing Service", { application_type: "service" });
    activeKid = (await t.f.db.signingKey.findFirstOrThrow({ where: { authServerId: "default", status: "ACTIVE" } })).kid;
  });
  afterAll(() => t.f.close());

  it("issues an access token (200) with exactly Okta's claims: sub = client_id, no uid, requested plus default scopes", async () => {
    const res = await t.token({ grant_type: "client_credentials", scope: "orders:write" }, { basic: t.basic(service) });
    expect(res.status).toBe(200);
    expectNoStoreJson(res);
    expect(res.headers.get("www-authenticate")).toBeNull();
    expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope"]);
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "orders:write orders:read reports:read" });

    const { header, payload } = await t.verify(res.body.access_token);
    expect(header).toEqual({ alg: "RS256", kid: activeKid });
    const iat = seconds(t.f.clock.now);
    expect(payload).toEqual({
      ver: 1,
      jti: expect.stringMatching(/^AT\.[A-Za-z0-9_-]{22}$/),
      iss: ISSUER,
      aud: "api://default",
      iat,
      exp: iat + 3600,
      cid: service.clientId,
      scp: ["orders:write", "orders:read", "reports:read"],
      sub: service.clientId,
    });
  });

  it("grants the server's default scopes when none are requested (client_secret_post works too)", async () => {
    const res = await t.token({ grant_type: "client_credentials", client_id: service.clientId, client_secret: service.clientSecret! });
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe("orders:read reports:read");
    expect((await t.verify(res.body.access_token)).payload.scp).toEqual(["orders:read", "reports:read"]);
  });

  it("logs one SUCCESS event per grant with the policy and rule that decided", async () => {
    const mark = await t.mark();
    const res = await t.token({ grant_type: "client_credentials", scope: "orders:read" }, { basic: t.basic(service) });
    expect(res.status).toBe(200);
    const { payload } = await t.verify(res.body.access_token);
    const all = await readLogEvents(t.f.db);
    expect(all.filter((row) => !mark.has(row.uuid)).map((row) => row.eventType)).toEqual(["app.oauth2.as.token.grant.access_token"]);
    const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
    const rule = await t.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } });
    expect(event!.outcomeResult).toBe("SUCCESS");
    expect(event!.actor).toEqual({ id: service.clientId, type: "PublicClientApp", alternateId: service.clientId, displayName: "Billing Service" });
    expect(event!.target).toEqual([
      { id: service.appId, type: "AppInstance", alternateId: service.clientId, displayName: "Billing Service" },
      { id: "default", type: "AuthorizationServer", displayName: "default" },
      { id: payload.jti, type: "access_token", detailEntry: { expires: new Date((payload.exp as number) * 1000).toISOString() } },
    ]);
    expect(event!.debugContext).toEqual({
      debugData: { grantType: "client_credentials", clientAuthMethod: "client_secret_basic", policyId: rule.policyId, ruleId: rule.id, scopes: "orders:read reports:read" },
    });
  });

  it("uses the matching rule's access token lifetime", async () => {
    const policy = await t.f.api("POST", "/api/v1/authorizationServers/default/policies", { name: "Services", priority: 1, conditions: { clients: { include: [service.clientId] } } });
    expect(policy.status).toBe(201);
    const rule = await t.f.api("POST", `/api/v1/authorizationServers/default/policies/${policy.body.id}/rules`, {
      type: "RESOURCE_ACCESS",
      name: "Short",
      conditions: { grantTypes: { include: ["client_credentials"] }, scopes: { include: ["orders:read", "reports:read"] } },
      actions: { token: { accessTokenLifetimeMinutes: 5 } },
    });
    expect(rule.status).toBe(201);
    t.refreshCaches();
    const res = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service) });
    expect(res.status).toBe(200);
    expect(res.body.expires_in).toBe(300);
    const { payload } = await t.verify(res.body.access_token);
    expect((payload.exp as number) - (payload.iat as number)).toBe(300);

    // The same policy refuses a scope its only rule does not allow: access_denied, logged as DENY.
    const mark = await t.mark();
    const denied = await t.token({ grant_type: "client_credentials", scope: "orders:write" }, { basic: t.basic(service) });
    expectOAuthError(denied, 400, "access_denied", "Policy evaluation failed for this request, please check the policy configurations.");
    const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
    expect(event!.outcomeResult).toBe("DENY");
    expect(event!.outcomeReason).toMatch(/^no_matching_rule: /);
    expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ policyId: policy.body.id, requestedScopes: "orders:write" });

    expect((await t.f.api("DELETE", `/api/v1/authorizationServers/default/policies/${policy.body.id}`)).status).toBe(204);
    t.refreshCaches();
  });

  it.each([
    ["an unknown scope", "orders:delete", "One or more scopes are not configured for the authorization server resource."],
    ["openid", "openid", "Cannot request 'openid' scopes using client credentials"],
    ["offline_access", "orders:read offline_access", "Cannot request 'openid' scopes using client credentials"],
  ])("refuses %s with invalid_scope", async (_name, scope, description) => {
    const res = await t.token({ grant_type: "client_credentials", scope }, { basic: t.basic(service) });
    expectOAuthError(res, 400, "invalid_scope", description);
  });

  it("grants a confidential web app registered for client_credentials (Okta: the client acting for itself)", async () => {
    const web = await t.app("Web With CC", { application_type: "web", redirect_uris: ["https://web.example.com/cb"], grant_types: ["authorization_code", "client_credentials"] });
    const res = await t.token({ grant_type: "client_credentials", scope: "orders:read" }, { basic: t.basic(web) });
    expect(res.status).toBe(200);
    const { payload } = await t.verify(res.body.access_token);
    expect(payload).toMatchObject({ cid: web.clientId, sub: web.clientId, scp: ["orders:read", "reports:read"] });
    expect(payload.uid).toBeUndefined();
    expect(res.body.refresh_token).toBeUndefined();
    expect(res.body.id_token).toBeUndefined();
  });

  it("refuses a web app that did not register client_credentials (unauthorized_client)", async () => {
    const web = await t.app("Web Without CC", { application_type: "web", redirect_uris: ["https://web.example.com/cb"], grant_types: ["authorization_code"] });
    const res = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(web) });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("unauthorized_client");
  });

  it("refuses a wrong secret with 401 invalid_client and a Basic challenge, issuing nothing", async () => {
    const mark = await t.mark();
    const res = await t.token({ grant_type: "client_credentials" }, { basic: [service.clientId, "wrong-secret"] });
    expectOAuthError(
      res,
      401,
      "invalid_client",
      "The client secret supplied for a confidential client is invalid.",
      'Basic realm="IdP", error="invalid_client", error_description="The client secret supplied for a confidential client is invalid."',
    );
    expect(await t.events("app.oauth2.as.token.grant.access_token", mark)).toEqual([]);
  });
});
