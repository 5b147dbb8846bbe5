import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { resetVerificationKeyCache } from "@/lib/oauth/verify/find-verification-key";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { basicAuth, callOAuth, createTestClient, createTestUser, introspect, issuerOf, revoke, type TestClient, type TestUser } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

/**
 * The consuming endpoints against tokens from the real token endpoint (the other tests mint their
 * own): the jti/grant convention, the refresh rotation and the claim names must agree end to end.
 */
describe.each(testProviders())("introspect, userinfo and revoke on tokens the token endpoint issued, on %s", (provider) => {
  let f: AdminFixture;
  let web: TestClient;
  let service: TestClient;
  let alice: TestUser;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const res = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Password Web",
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "web", redirect_uris: ["https://web.example.com/cb"], grant_types: ["authorization_code", "password", "refresh_token"] } },
    });
    expect(res.status).toBe(200);
    web = { appId: res.body.id, clientId: res.body.credentials.oauthClient.client_id, clientSecret: res.body.credentials.oauthClient.client_secret, label: "Password Web" };
    service = await createTestClient(f, "Service", "service");
    alice = await createTestUser(f, "Alice", [web]);
    expect((await f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "api:read", default: true })).status).toBe(201);
  });
  afterAll(() => f.close());
  beforeEach(() => {
    resetServerSnapshotCache();
    resetVerificationKeyCache();
  });

  const token = (client: TestClient, form: Record<string, string>) => callOAuth("POST", "/oauth2/default/v1/token", { headers: { Authorization: basicAuth(client) }, form });

  it("a password grant's access, refresh and ID tokens introspect active; userinfo's sub is the ID token's", async () => {
    const issued = await token(web, { grant_type: "password", username: alice.login, password: "Correct-Horse-Battery-9", scope: "openid profile email offline_access" });
    expect(issued.status, issued.text).toBe(200);
    const access = payloadOf(issued.body.access_token);
    const iat = seconds(f.clock.now);

    const a = await introspect(web, { token: issued.body.access_token });
    expect(a.body).toEqual({
      active: true,
      token_type: "Bearer",
      scope: "openid profile email offline_access",
      client_id: web.clientId,
      username: alice.login,
      exp: access.exp,
      iat,
      sub: alice.login,
      aud: "api://default",
      iss: issuerOf("default"),
      jti: access.jti,
      uid: alice.id,
    });
    const r = await introspect(web, { token: issued.body.refresh_token, token_type_hint: "refresh_token" });
    expect(r.body).toMatchObject({ active: true, token_type: "Bearer", scope: "openid profile email offline_access", client_id: web.clientId, username: alice.login, sub: alice.login });
    const i = await introspect(web, { token: issued.body.id_token, token_type_hint: "id_token" });
    expect(i.body).toMatchObject({ active: true, client_id: web.clientId, sub: alice.id, aud: web.clientId, iss: issuerOf("default") });

    const info = await callOAuth("GET", "/oauth2/default/v1/userinfo", { headers: { Authorization: `Bearer ${issued.body.access_token}` } });
    expect(info.status).toBe(200);
    expect(info.body.sub).toBe(payloadOf(issued.body.id_token).sub);
    expect(info.body).toMatchObject({ sub: alice.id, email: alice.login, given_name: "Alice", preferred_username: alice.login });
  });

  it("after a refresh the old refresh token is inactive; revoking the new one kills every access token of the grant", async () => {
    const first = await token(web, { grant_type: "password", username: alice.login, password: "Correct-Horse-Battery-9", scope: "openid offline_access" });
    expect(first.status).toBe(200);
    f.clock.advance(1000);
    const second = await token(web, { grant_type: "refresh_token", refresh_token: first.body.refresh_token });
    expect(second.status, second.text).toBe(200);
    expect((await introspect(web, { token: first.body.refresh_token })).body).toEqual({ active: false });
    for (const live of [first.body.access_token, second.body.access_token, second.body.refresh_token]) expect((await introspect(web, { token: live })).body.active).toBe(true);

    expect((await revoke(web, { token: second.body.refresh_token, token_type_hint: "refresh_token" })).status).toBe(200);
    for (const dead of [first.body.access_token, second.body.access_token, second.body.refresh_token]) expect((await introspect(web, { token: dead })).body).toEqual({ active: false });
    const refused = await token(web, { grant_type: "refresh_token", refresh_token: second.body.refresh_token });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("invalid_grant");
  });

  it("a client_credentials token introspects active without a user, and userinfo refuses it (403: no openid)", async () => {
    const issued = await token(service, { grant_type: "client_credentials" });
    expect(issued.status, issued.text).toBe(200);
    const res = await introspect(web, { token: issued.body.access_token });
    expect(res.body).toMatchObject({ active: true, scope: "api:read", client_id: service.clientId, sub: service.clientId });
    expect(res.body.username).toBeUndefined();
    expect(res.body.uid).toBeUndefined();
    const info = await callOAuth("GET", "/oauth2/default/v1/userinfo", { headers: { Authorization: `Bearer ${issued.body.access_token}` } });
    expect(info.status).toBe(403);
  });
});
