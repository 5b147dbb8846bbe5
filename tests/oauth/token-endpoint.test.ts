import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectNoStoreJson, expectOAuthError, type TestApp, type TokenFixture } from "./token-fixture";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const TRUSTED = "https://spa.example.com";

describe.each(testProviders())("token endpoint: request handling on %s", (provider) => {
  let t: TokenFixture;
  let service: TestApp;

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    await t.scope("jobs:run", { isDefault: true });
    service = await t.app("Jobs", { application_type: "service" });
    expect((await t.f.api("POST", "/api/v1/trustedOrigins", { name: "SPA", origin: TRUSTED, scopes: [{ type: "CORS" }] })).status).toBe(200);
  });
  afterAll(() => t.f.close());

  const cc = (extra: Record<string, string> = {}) => t.token({ grant_type: "client_credentials", ...extra }, { basic: t.basic(service) });

  describe("the authorization server", () => {
    it("an unknown server: 404 not_found", async () => {
      const res = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service), server: "ausNoSuchServer00000" });
      expectOAuthError(res, 404, "not_found", "The authorization server was not found or is not active.");
    });

    it("issues tokens for a server created through the API, with its own issuer, audience, policy and keys; 404 once it is INACTIVE", async () => {
      const server = await t.f.api("POST", "/api/v1/authorizationServers", { name: "Jobs AS", description: "Jobs", audiences: ["api://jobs"] });
      expect(server.status).toBe(201);
      const id = server.body.id as string;
      await t.scope("jobs:schedule", { server: id, isDefault: true });
      // A new server has no policy: nothing is issued until one allows it.
      t.refreshCaches();
      expectOAuthError(await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service), server: id }), 400, "access_denied", "Policy evaluation failed for this request, please check the policy configurations.");
      const policy = await t.f.api("POST", `/api/v1/authorizationServers/${id}/policies`, { name: "All", conditions: { clients: { include: ["ALL_CLIENTS"] } } });
      expect(policy.status).toBe(201);
      const rule = await t.f.api("POST", `/api/v1/authorizationServers/${id}/policies/${policy.body.id}/rules`, {
        type: "RESOURCE_ACCESS",
        name: "CC",
        conditions: { grantTypes: { include: ["client_credentials"] }, scopes: { include: ["*"] } },
        actions: { token: { accessTokenLifetimeMinutes: 15 } },
      });
      expect(rule.status).toBe(201);
      t.refreshCaches();

      const res = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service), server: id });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ expires_in: 900, scope: "jobs:schedule" });
      const kid = (await t.f.db.signingKey.findFirstOrThrow({ where: { authServerId: id, status: "ACTIVE" } })).kid;
      const { header, payload } = await t.verify(res.body.access_token, id);
      expect(header).toEqual({ alg: "RS256", kid });
      expect(payload).toMatchObject({ iss: `${ORG_URL}/oauth2/${id}`, aud: "api://jobs", exp: seconds(t.f.clock.now) + 900, scp: ["jobs:schedule"], cid: service.clientId });
      // Signed with this server's key, not the default server's.
      await expect(t.verify(res.body.access_token, "default")).rejects.toThrow();

      expect((await t.f.api("POST", `/api/v1/authorizationServers/${id}/lifecycle/deactivate`)).status).toBe(204);
      t.refreshCaches();
      expectOAuthError(await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service), server: id }), 404, "not_found", "The authorization server was not found or is not active.");
    });
  });

  describe("the request", () => {
    it("only application/x-www-form-urlencoded (charset allowed)", async () => {
      const json = await t.token(JSON.stringify({ grant_type: "client_credentials" }), { basic: t.basic(service), headers: { "Content-Type": "application/json" } });
      expectOAuthError(json, 400, "invalid_request", "The request must use Content-Type application/x-www-form-urlencoded.");
      const withCharset = await t.token("grant_type=client_credentials", { basic: t.basic(service), headers: { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" } });
      expect(withCharset.status).toBe(200);
    });

    it("a repeated parameter: invalid_request", async () => {
      const res = await t.token("grant_type=client_credentials&scope=jobs:run&scope=jobs:run", { basic: t.basic(service) });
      expectOAuthError(res, 400, "invalid_request", "The 'scope' parameter was given more than once.");
      const grant = await t.token("grant_type=client_credentials&grant_type=password", { basic: t.basic(service) });
      expectOAuthError(grant, 400, "invalid_request", "The 'grant_type' parameter was given more than once.");
    });

    it("no grant_type: invalid_request", async () => {
      expectOAuthError(await t.token({ scope: "jobs:run" }, { basic: t.basic(service) }), 400, "invalid_request", "The 'grant_type' parameter is required.");
      expectOAuthError(await t.token({ grant_type: "" }, { basic: t.basic(service) }), 400, "invalid_request", "The 'grant_type' parameter is required.");
    });

    it.each(["implicit", "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:token-exchange", "constructor", "CLIENT_CREDENTIALS"])(
      "grant_type %s: unsupported_grant_type, before client authentication",
      async (grantType) => {
        const mark = await t.mark();
        const res = await t.token({ grant_type: grantType });
        expectOAuthError(res, 400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
        expect(await t.events("app.oauth2.as.token.grant.access_token", mark)).toEqual([]);
      },
    );

    it("an unregistered grant: unauthorized_client with the app's grant types, logged", async () => {
      const mark = await t.mark();
      const res = await t.token({ grant_type: "password", username: "a@example.com", password: "x" }, { basic: t.basic(service) });
      expectOAuthError(res, 400, "unauthorized_client", "The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].");
      const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: "UNAUTHORIZED_CLIENT: the app is not registered for password" });
    });

    it("GET is not allowed: the route serves POST (and CORS preflights) only, so Next.js answers 405 with no body", async () => {
      // callRoute dispatches through Next.js's own method table for the route file, as `next start`
      // does; the protocol fast path leaves a GET of /v1/token to Next.js (protocol-fast-path.test.ts).
      const res = await callRoute(new Request(`${ORG_URL}/oauth2/default/v1/token`));
      expect(res.status).toBe(405);
      expect(await res.text()).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      const head = await callRoute(new Request(`${ORG_URL}/oauth2/default/v1/token`, { method: "HEAD" }));
      expect(head.status).toBe(405);
      const post = await callRoute(new Request(`${ORG_URL}/oauth2/default/v1/token`, { method: "POST" }));
      expect(post.status).toBe(400);
    });
  });

  describe("client authentication", () => {
    it("no credentials: 401 invalid_client with a Basic challenge", async () => {
      const res = await t.token({ grant_type: "client_credentials" });
      expectOAuthError(res, 401, "invalid_client", "No client credentials found.", 'Basic realm="IdP", error="invalid_client", error_description="No client credentials found."');
    });

    it("an INACTIVE app: 401 invalid_client; active again, it works", async () => {
      const app = await t.app("Sleepy", { application_type: "service" });
      expect((await t.token({ grant_type: "client_credentials" }, { basic: t.basic(app) })).status).toBe(200);
      expect((await t.f.api("POST", `/api/v1/apps/${app.appId}/lifecycle/deactivate`)).status).toBe(200);
      const res = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(app) });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe("invalid_client");
      expectNoStoreJson(res);
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm="IdP", error="invalid_client"/);
      expect((await t.f.api("POST", `/api/v1/apps/${app.appId}/lifecycle/activate`)).status).toBe(200);
      expect((await t.token({ grant_type: "client_credentials" }, { basic: t.basic(app) })).status).toBe(200);
    });

    it("both Basic and post credentials: invalid_request", async () => {
      const res = await t.token({ grant_type: "client_credentials", client_id: service.clientId, client_secret: service.clientSecret! }, { basic: t.basic(service) });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe("invalid_request");
    });
  });

  describe("CORS (trusted origins)", () => {
    it("answers a preflight from a trusted origin", async () => {
      const res = await callRoute(
        new Request(`${ORG_URL}/oauth2/default/v1/token`, { method: "OPTIONS", headers: { Origin: TRUSTED, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, x-okta-user-agent-extended" } }),
      );
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(TRUSTED);
      expect(res.headers.get("access-control-allow-methods")).toContain("POST");
      expect(res.headers.get("access-control-allow-headers")).toContain("X-Okta-User-Agent-Extended");
    });

    it("adds the exact origin to token answers and errors, and nothing for other origins", async () => {
      const ok = await cc({});
      expect(ok.headers.get("access-control-allow-origin")).toBeNull();
      const trusted = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service), headers: { Origin: TRUSTED } });
      expect(trusted.status).toBe(200);
      expect(trusted.headers.get("access-control-allow-origin")).toBe(TRUSTED);
      expect(trusted.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
      const error = await t.token({ grant_type: "client_credentials" }, { headers: { Origin: TRUSTED } });
      expect(error.status).toBe(401);
      expect(error.headers.get("access-control-allow-origin")).toBe(TRUSTED);
      const untrusted = await t.token({ grant_type: "client_credentials" }, { basic: t.basic(service), headers: { Origin: "https://evil.example.com" } });
      expect(untrusted.status).toBe(200);
      expect(untrusted.headers.get("access-control-allow-origin")).toBeNull();
    });
  });
});
