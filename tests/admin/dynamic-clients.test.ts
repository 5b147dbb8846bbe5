import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyClientSecret } from "../support/verify-client-secret";
import { hashToken } from "@/lib/crypto/hash-token";
import { randomToken } from "@/lib/crypto/random-token";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvent } from "../support/read-log-events";
import { insertRefreshToken } from "../support/insert-refresh-token";

const SECRET = /^[A-Za-z0-9_-]{64}$/;
const ecPublicJwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });

/** Okta's "Register new client" example (Dynamic Client Registration API). */
const webClient = {
  client_name: "Example OAuth Client",
  client_uri: "https://www.example-application.com",
  logo_uri: "https://www.example-application.com/logo.png",
  application_type: "web",
  redirect_uris: ["https://www.example-application.com/oauth2/redirectUri"],
  post_logout_redirect_uris: ["https://www.example-application.com/oauth2/postLogoutRedirectUri"],
  response_types: ["code", "id_token"],
  grant_types: ["authorization_code", "refresh_token", "implicit"],
  token_endpoint_auth_method: "client_secret_post",
  initiate_login_uri: "https://www.example-application.com/oauth2/login",
};

describe.each(testProviders())("dynamic client registration on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const register = (body: unknown) => f.api("POST", "/oauth2/v1/clients", body);

  async function grant(clientId: string) {
    const admin = await f.db.user.findFirstOrThrow();
    await insertRefreshToken(f.db, {
        id: newId("refreshToken"),
        tokenHash: hashToken(randomToken()),
        familyId: randomToken(8),
        authServerId: "default",
        clientId,
        userId: admin.id,
        scopes: ["openid"],
        status: "ACTIVE",
        decision: {},
        windowEndsAt: new Date(f.clock.now.getTime() + 86_400_000),
        created: f.clock.now,
      });
  }
  const liveTokens = (clientId: string) => f.db.refreshToken.count({ where: { family: { clientId }, status: "ACTIVE" } });

  it("registers Okta's example web client (201) as an ACTIVE OIDC app with consent REQUIRED", async () => {
    const issuedAt = Math.floor(f.clock.now.getTime() / 1000);
    const res = await register({ ...webClient, software_id: "ignored", client_id: "chosen-id", client_secret: "chosen-secret-that-is-ignored-0123456789", contacts: ["ops@example.com"] });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    const clientId = res.body.client_id as string;
    expect(clientId).toMatch(/^0oa[0-9A-Za-z]{17}$/);
    const secret = res.body.client_secret as string;
    expect(secret).toMatch(SECRET);
    expect(res.body).toEqual({
      client_id: clientId,
      client_id_issued_at: issuedAt,
      client_secret: secret,
      client_secret_expires_at: 0,
      client_name: "Example OAuth Client",
      client_uri: "https://www.example-application.com",
      logo_uri: "https://www.example-application.com/logo.png",
      application_type: "web",
      redirect_uris: ["https://www.example-application.com/oauth2/redirectUri"],
      post_logout_redirect_uris: ["https://www.example-application.com/oauth2/postLogoutRedirectUri"],
      response_types: ["code", "id_token"],
      grant_types: ["authorization_code", "refresh_token", "implicit"],
      token_endpoint_auth_method: "client_secret_post",
      initiate_login_uri: "https://www.example-application.com/oauth2/login",
    });
    expect(await verifyClientSecret(f.db, clientId, secret)).toBe(true);
    expect(await verifyClientSecret(f.db, clientId, "chosen-secret-that-is-ignored-0123456789")).toBe(false);
    const row = await f.db.app.findUniqueOrThrow({ where: { clientId } });
    expect(row).toMatchObject({ id: clientId, dynamic: true, status: "ACTIVE", label: "Example OAuth Client", applicationType: "web" });
    const asApp = await f.api("GET", `/api/v1/apps/${clientId}`);
    expect(asApp.body.settings.oauthClient.consent_method).toBe("REQUIRED");
    expect(asApp.body.credentials.oauthClient.client_secret).toBe(secret);
    const event = await readLogEvent(f.db, { where: { eventType: "application.lifecycle.create" } });
    expect(event.target).toEqual([{ id: clientId, type: "AppInstance", alternateId: "oidc_client", displayName: "Example OAuth Client" }]);
    expect(event.debugContext).toMatchObject({ debugData: { registration: "dynamic", clientId } });
  });

  it("registers a browser client (public, no secret) and a private_key_jwt service client with defaults", async () => {
    const spa = await register({ client_name: "SPA", application_type: "browser", redirect_uris: ["http://localhost:3000/callback"] });
    expect(spa.status).toBe(201);
    expect(spa.body).toEqual({
      client_id: spa.body.client_id,
      client_id_issued_at: Math.floor(f.clock.now.getTime() / 1000),
      client_name: "SPA",
      client_uri: null,
      logo_uri: null,
      application_type: "browser",
      redirect_uris: ["http://localhost:3000/callback"],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "none",
    });
    expect((await f.db.app.findUniqueOrThrow({ where: { clientId: spa.body.client_id } })).pkceRequired).toBe(true);

    const service = await register({
      client_name: "Service",
      application_type: "service",
      grant_types: ["client_credentials"],
      response_types: ["token"],
      token_endpoint_auth_method: "private_key_jwt",
      jwks: { keys: [{ ...ecPublicJwk, kid: "key1" }] },
    });
    expect(service.status).toBe(201);
    expect(service.body).toMatchObject({ redirect_uris: [], grant_types: ["client_credentials"], token_endpoint_auth_method: "private_key_jwt", jwks: { keys: [{ kty: "EC", kid: "key1", crv: "P-256", x: ecPublicJwk.x, y: ecPublicJwk.y }] } });
    expect(service.body.client_secret).toBeUndefined();
    expect(service.body.client_secret_expires_at).toBeUndefined();

    const defaults = await register({ client_name: "Defaults", redirect_uris: ["https://d.example.com/cb"] });
    expect(defaults.body).toMatchObject({ application_type: "web", grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic", client_secret_expires_at: 0 });
  });

  it.each<[string, unknown, string, string]>([
    ["no client_name", { ...webClient, client_name: undefined }, "invalid_client_metadata", "client_name: The field cannot be left blank."],
    ["a blank client_name", { ...webClient, client_name: "  " }, "invalid_client_metadata", "client_name: The field cannot be left blank."],
    ["an http redirect URI", { ...webClient, redirect_uris: ["http://www.example-application.com/cb"] }, "invalid_redirect_uri", "redirect_uris: 'http://www.example-application.com/cb' must use https; http is allowed only for localhost and loopback addresses."],
    ["a fragment in the redirect URI", { ...webClient, redirect_uris: ["https://www.example-application.com/cb#x"] }, "invalid_redirect_uri", "redirect_uris: 'https://www.example-application.com/cb#x' must not contain a fragment (#)."],
    ["no redirect URI", { ...webClient, redirect_uris: [] }, "invalid_redirect_uri", "redirect_uris: At least one redirect URI is required for the authorization_code and implicit grants."],
    ["token without implicit", { ...webClient, grant_types: ["authorization_code"], response_types: ["code", "token"] }, "invalid_client_metadata", "response_types: The 'token' response type requires the implicit grant, which must be listed in grant_types."],
    ["a public web client", { ...webClient, token_endpoint_auth_method: "none" }, "invalid_client_metadata", "token_endpoint_auth_method: Web applications are confidential clients: token_endpoint_auth_method cannot be none."],
    ["a service client with authorization_code", { client_name: "S", application_type: "service", grant_types: ["authorization_code"] }, "invalid_client_metadata", "grant_types: Service applications support only the client_credentials grant."],
    ["private_key_jwt with jwks_uri", { client_name: "S", application_type: "service", token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://keys.example.com" }, "invalid_client_metadata", "jwks_uri: jwks_uri is not supported; register the public keys in jwks."],
    ["an unknown application type", { ...webClient, application_type: "spa" }, "invalid_client_metadata", "application_type: Must be one of web, browser, native, service."],
    ["a body that is an array", [webClient], "invalid_client_metadata", "body: The request body must be a JSON object of client metadata."],
    [
      "two problems at once",
      { ...webClient, client_name: "", redirect_uris: ["http://x.example.com/cb"] },
      "invalid_redirect_uri",
      "client_name: The field cannot be left blank. redirect_uris: 'http://x.example.com/cb' must use https; http is allowed only for localhost and loopback addresses.",
    ],
  ])("answers %s with 400 {error, error_description} and registers nothing", async (_, body, error, description) => {
    const before = await f.db.app.count();
    const res = await register(body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body).toEqual({ error, error_description: description });
    expect(await f.db.app.count()).toBe(before);
  });

  it("answers a body that is not JSON with invalid_client_metadata, and a missing token with Okta's 401 E0000011", async () => {
    const res = await f.api("POST", "/oauth2/v1/clients", undefined, { rawBody: "{not json", headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_client_metadata");
    expect(res.body.error_description).toMatch(/^body: The request body is not valid JSON/);
    for (const token of [null, "00wrongTokenValue_0123456789abcdefghij"]) {
      const denied = await f.api("POST", "/oauth2/v1/clients", webClient, { token });
      expect(denied.status).toBe(401);
      expect(denied.body).toMatchObject({ errorCode: "E0000011", errorSummary: "Invalid token provided" });
      expect((await f.api("GET", "/oauth2/v1/clients", undefined, { token })).status).toBe(401);
    }
  });

  it("reads a client without its secret (200) and 404s an unknown one in Okta's shape", async () => {
    const created = await register({ ...webClient, client_name: "Readable" });
    const res = await f.api("GET", `/oauth2/v1/clients/${created.body.client_id}`);
    expect(res.status).toBe(200);
    const { client_secret: secret, ...withoutSecret } = created.body;
    expect(secret).toMatch(SECRET);
    expect(res.body).toEqual(withoutSecret);
    const missing = await f.api("GET", "/oauth2/v1/clients/0oaNoSuchClient00000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 0oaNoSuchClient00000 (AppInstance)" });
  });

  it("replaces a client (200, with its secret), revoking its refresh tokens; keeps what DCR cannot set", async () => {
    const created = await register({ ...webClient, client_name: "Replaceable" });
    const clientId = created.body.client_id as string;
    await f.api("PUT", `/api/v1/apps/${clientId}`, {
      name: "oidc_client",
      label: "Replaceable",
      visibility: { hide: { iOS: false, web: false } },
      credentials: { oauthClient: { client_secret: created.body.client_secret, token_endpoint_auth_method: "client_secret_post", pkce_required: true } },
      settings: { oauthClient: { ...webClient, consent_method: "REQUIRED" } },
    });
    await grant(clientId);
    f.clock.advance(60_000);
    const res = await f.api("PUT", `/oauth2/v1/clients/${clientId}`, {
      ...webClient,
      client_id: clientId,
      client_name: "Replaced",
      redirect_uris: ["https://www.example-application.com/new"],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      client_id: clientId,
      client_secret: created.body.client_secret,
      client_secret_expires_at: 0,
      client_name: "Replaced",
      redirect_uris: ["https://www.example-application.com/new"],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    });
    expect(await liveTokens(clientId)).toBe(0);
    const asApp = await f.api("GET", `/api/v1/apps/${clientId}`);
    expect(asApp.body).toMatchObject({ label: "Replaced", lastUpdated: f.clock.now.toISOString(), visibility: { hide: { iOS: false, web: false } } });
    expect(asApp.body.settings.oauthClient.consent_method).toBe("REQUIRED");
    expect(asApp.body.credentials.oauthClient.pkce_required).toBe(true);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "application.lifecycle.update" } })).toBeGreaterThan(0);

    await grant(clientId);
    const same = await f.api("PUT", `/oauth2/v1/clients/${clientId}`, { ...res.body });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(res.body);
    expect(await liveTokens(clientId)).toBe(1);
  });

  it.each<[string, (clientId: string) => unknown, string, string]>([
    ["another client_id", () => ({ ...webClient, client_id: "0oaSomeoneElse000000" }), "invalid_client_metadata", "client_id: Must be the client_id of the client being replaced."],
    ["another application type", (id) => ({ ...webClient, client_id: id, application_type: "native", token_endpoint_auth_method: "client_secret_basic" }), "invalid_client_metadata", "application_type: The application type cannot be changed (it is web)."],
    ["an invalid redirect URI", (id) => ({ ...webClient, client_id: id, redirect_uris: ["myapp://cb"] }), "invalid_redirect_uri", "redirect_uris: 'myapp://cb' uses a custom scheme; custom schemes are allowed only for native applications."],
  ])("refuses a replacement with %s and changes nothing", async (_, body, error, description) => {
    const created = await register({ ...webClient, client_name: "Kept" });
    const clientId = created.body.client_id as string;
    await grant(clientId);
    const res = await f.api("PUT", `/oauth2/v1/clients/${clientId}`, body(clientId));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error, error_description: description });
    const stored = { ...created.body };
    delete stored.client_secret;
    expect((await f.api("GET", `/oauth2/v1/clients/${clientId}`)).body).toEqual(stored);
    expect(await liveTokens(clientId)).toBe(1);
    expect((await f.api("PUT", "/oauth2/v1/clients/0oaNoSuchClient00000", webClient)).status).toBe(404);
  });

  it("deletes an ACTIVE client directly (204), revoking its tokens", async () => {
    const created = await register({ ...webClient, client_name: "Deleted" });
    const clientId = created.body.client_id as string;
    await grant(clientId);
    const res = await f.api("DELETE", `/oauth2/v1/clients/${clientId}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(await f.db.app.count({ where: { clientId } })).toBe(0);
    expect(await f.db.clientSecret.count({ where: { appId: clientId } })).toBe(0);
    expect(await liveTokens(clientId)).toBe(0);
    expect((await f.api("GET", `/oauth2/v1/clients/${clientId}`)).status).toBe(404);
    expect((await f.api("DELETE", `/oauth2/v1/clients/${clientId}`)).status).toBe(404);
  });

  it("generates a new secret (lifecycle/newSecret) that replaces the old one; refuses for public clients", async () => {
    const created = await register({ ...webClient, client_name: "Renewed" });
    const clientId = created.body.client_id as string;
    const res = await f.api("POST", `/oauth2/v1/clients/${clientId}/lifecycle/newSecret`);
    expect(res.status).toBe(200);
    expect(res.body.client_secret).toMatch(SECRET);
    expect(res.body.client_secret).not.toBe(created.body.client_secret);
    expect(await verifyClientSecret(f.db, clientId, created.body.client_secret)).toBe(false);
    expect(await verifyClientSecret(f.db, clientId, res.body.client_secret)).toBe(true);
    expect(await f.db.clientSecret.count({ where: { appId: clientId } })).toBe(1);

    const spa = await register({ client_name: "Public", application_type: "browser", redirect_uris: ["https://spa.example.com/cb"] });
    const refused = await f.api("POST", `/oauth2/v1/clients/${spa.body.client_id}/lifecycle/newSecret`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: "invalid_client_metadata", error_description: "token_endpoint_auth_method: The client authenticates with none; it has no client secret." });
  });

  it("lists every OIDC app as a client, by client_id, with q on client_name and Link pagination", async () => {
    const ids: string[] = [];
    for (const name of ["Listed Alpha", "Listed Beta", "listed gamma"]) ids.push((await register({ ...webClient, client_name: name })).body.client_id);
    const viaApps = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Listed via Apps API",
      settings: { oauthClient: { application_type: "service" } },
    });
    ids.push(viaApps.body.id);
    const seen: string[] = [];
    let path: string | null = "/oauth2/v1/clients?q=LISTED&limit=3";
    while (path) {
      const res = await f.api("GET", path);
      expect(res.status).toBe(200);
      for (const client of res.body) expect(client.client_secret).toBeUndefined();
      seen.push(...res.body.map((client: { client_id: string }) => client.client_id));
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
      path = next ? next.slice(ORG_URL.length) : null;
    }
    expect(seen).toEqual([...ids].sort());
    const all = await f.api("GET", "/oauth2/v1/clients?limit=200");
    expect(all.body.length).toBe(await f.db.app.count());
  });
});
