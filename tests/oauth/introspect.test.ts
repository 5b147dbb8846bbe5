import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAppContext, setAppContext } from "@/lib/app-context";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { resetVerificationKeyCache } from "@/lib/oauth/verify/find-verification-key";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import {
  basicAuth,
  callOAuth,
  createTestClient,
  createTestUser,
  foreignKey,
  introspect,
  issuerOf,
  mintAccessToken,
  mintIdToken,
  mintRefreshToken,
  type TestClient,
  type TestUser,
} from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { countingDb } from "../support/counting-db";

const DAY_MS = 86_400_000;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const INACTIVE = { active: false };


describe.each(testProviders())("POST /oauth2/:as/v1/introspect on %s", (provider) => {
  let f: AdminFixture;
  let web: TestClient;
  let spa: TestClient;
  let service: TestClient;
  let alice: TestUser;
  let otherServer: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    web = await createTestClient(f, "Web");
    spa = await createTestClient(f, "SPA", "browser");
    service = await createTestClient(f, "Service", "service");
    alice = await createTestUser(f, "Alice", [web, spa]);
    const other = await f.api("POST", "/api/v1/authorizationServers", { name: "Other", audiences: ["api://other"] });
    expect(other.status).toBe(201);
    otherServer = other.body.id;
    // tokens minted "in the past" below are still issued after the apps and users were set up
    f.clock.advance(DAY_MS);
  });
  afterAll(() => f.close());
  beforeEach(() => {
    resetServerSnapshotCache();
    resetVerificationKeyCache();
  });

  describe("active tokens", () => {
    it("answers an access token with the spec's members in its order, then the custom claims", async () => {
      const { token, claims } = await mintAccessToken(f, {
        client: web,
        user: alice,
        scopes: ["openid", "email", "profile"],
        extra: { number_of_flights: 2, flight_number: ["AX102", "CT508"], custom_claim: "CustomValue" },
      });
      const res = await introspect(web, { token });
      expect(res.status).toBe(200);
      const iat = seconds(f.clock.now);
      const expected = {
        active: true,
        token_type: "Bearer",
        scope: "openid email profile",
        client_id: web.clientId,
        username: "alice@example.com",
        exp: iat + 3600,
        iat,
        sub: "alice@example.com",
        aud: "api://default",
        iss: `${ORG_URL}/oauth2/default`,
        jti: claims.jti,
        uid: alice.id,
        number_of_flights: 2,
        flight_number: ["AX102", "CT508"],
        custom_claim: "CustomValue",
      };
      expect(res.body).toEqual(expected);
      expect(Object.keys(res.body)).toEqual(Object.keys(expected));
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("pragma")).toBe("no-cache");
    });

    it("answers a client_credentials access token without username and uid (sub is the client id)", async () => {
      const { token, claims } = await mintAccessToken(f, { client: service, user: null, scopes: ["api:read"] });
      const iat = seconds(f.clock.now);
      expect((await introspect(web, { token })).body).toEqual({
        active: true,
        token_type: "Bearer",
        scope: "api:read",
        client_id: service.clientId,
        exp: iat + 3600,
        iat,
        sub: service.clientId,
        aud: "api://default",
        iss: issuerOf("default"),
        jti: claims.jti,
      });
    });

    it("answers a refresh token as the spec's example: exp is the end of its sliding window or its lifetime, whichever comes first", async () => {
      const windowed = await mintRefreshToken(f, { client: web, user: alice, scopes: ["openid", "offline_access"], windowMinutes: 60 });
      const res = await introspect(web, { token: windowed.token });
      const expected = {
        active: true,
        token_type: "Bearer",
        scope: "openid offline_access",
        client_id: web.clientId,
        username: "alice@example.com",
        exp: seconds(f.clock.now) + 3600,
        sub: "alice@example.com",
      };
      expect(res.body).toEqual(expected);
      expect(Object.keys(res.body)).toEqual(Object.keys(expected));

      const capped = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], windowMinutes: 600, lifetimeMinutes: 30 });
      expect((await introspect(web, { token: capped.token })).body.exp).toBe(seconds(f.clock.now) + 1800);
    });

    it("answers an ID token with its client, user and profile claims (no token_type, no protocol claims)", async () => {
      const { token, claims } = await mintIdToken(f, { client: web, user: alice, extra: { name: "Alice Tester", email: "alice@example.com", preferred_username: "alice@example.com" } });
      const iat = seconds(f.clock.now);
      const res = await introspect(web, { token });
      const expected = {
        active: true,
        client_id: web.clientId,
        username: "alice@example.com",
        exp: iat + 3600,
        iat,
        sub: alice.id,
        aud: web.clientId,
        iss: issuerOf("default"),
        jti: claims.jti,
        name: "Alice Tester",
        email: "alice@example.com",
        preferred_username: "alice@example.com",
      };
      expect(res.body).toEqual(expected);
      expect(Object.keys(res.body)).toEqual(Object.keys(expected));
    });
  });

  describe("inactive tokens answer exactly {active:false}", () => {
    it("an access token is active until the second before exp, inactive from exp on", async () => {
      const almost = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], now: new Date(f.clock.now.getTime() - 3599_000) });
      expect((await introspect(web, { token: almost.token })).body.active).toBe(true);
      const atExp = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], now: new Date(f.clock.now.getTime() - 3600_000) });
      const res = await introspect(web, { token: atExp.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(INACTIVE);
      expect(res.text).toBe('{"active":false}');
    });

    it("a token that is not valid yet (iat or nbf ahead by more than 5 s) is inactive", async () => {
      const ahead = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], now: new Date(f.clock.now.getTime() + 6000) });
      expect((await introspect(web, { token: ahead.token })).body).toEqual(INACTIVE);
      const slightly = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], now: new Date(f.clock.now.getTime() + 5000) });
      expect((await introspect(web, { token: slightly.token })).body.active).toBe(true);
      const nbf = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], extra: { nbf: seconds(f.clock.now) + 60 } });
      expect((await introspect(web, { token: nbf.token })).body).toEqual(INACTIVE);
    });

    it("an expired refresh token (window passed, or lifetime passed) and a rotated or revoked one are inactive", async () => {
      const past = new Date(f.clock.now.getTime() - 11 * 60_000);
      const windowPassed = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], windowMinutes: 10, now: past });
      const lifetimePassed = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], windowMinutes: 60, lifetimeMinutes: 10, now: past });
      const alive = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], windowMinutes: 12, now: past });
      const rotated = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], status: "ROTATED" });
      const revoked = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], status: "REVOKED" });
      for (const dead of [windowPassed, lifetimePassed, rotated, revoked]) expect((await introspect(web, { token: dead.token })).body).toEqual(INACTIVE);
      expect((await introspect(web, { token: alive.token })).body.active).toBe(true);
    });

    it("an expired ID token is inactive", async () => {
      const old = await mintIdToken(f, { client: web, user: alice, now: new Date(f.clock.now.getTime() - 3600_000) });
      expect((await introspect(web, { token: old.token })).body).toEqual(INACTIVE);
    });

    it("a bad signature, a forged kid, a tampered payload or another algorithm is inactive", async () => {
      const good = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const activeKid = JSON.parse(Buffer.from(good.token.split(".")[0]!, "base64url").toString()).kid as string;
      const forgedSameKid = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], signWith: foreignKey(activeKid) });
      const forgedNewKid = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], signWith: foreignKey("attacker-kid") });
      const [header, payload, signature] = good.token.split(".") as [string, string, string];
      const widened = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), scp: ["openid", "admin"] })).toString("base64url");
      const tampered = `${header}.${widened}.${signature}`;
      const noneAlg = `${Buffer.from(JSON.stringify({ alg: "none", kid: activeKid })).toString("base64url")}.${payload}.`;
      const hsAlg = `${Buffer.from(JSON.stringify({ alg: "HS256", kid: activeKid })).toString("base64url")}.${payload}.${signature}`;
      for (const token of [forgedSameKid.token, forgedNewKid.token, tampered, noneAlg, hsAlg, "not-a-token", `${good.token}x`]) {
        expect((await introspect(web, { token })).body).toEqual(INACTIVE);
      }
      expect((await introspect(web, { token: good.token })).body.active).toBe(true);
    });

    it("another authorization server's token is inactive here and active at its own server", async () => {
      const theirs = await mintAccessToken(f, { authServerId: otherServer, client: web, user: alice, scopes: ["openid"] });
      expect((await introspect(web, { token: theirs.token })).body).toEqual(INACTIVE);
      const there = await introspect(web, { token: theirs.token }, { authServerId: otherServer });
      expect(there.body).toMatchObject({ active: true, iss: issuerOf(otherServer), aud: "api://other" });
      // signed with this server's key but naming the other issuer
      const wrongIss = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], override: { iss: issuerOf(otherServer) } });
      expect((await introspect(web, { token: wrongIss.token })).body).toEqual(INACTIVE);
      // another server's refresh token
      const refresh = await mintRefreshToken(f, { authServerId: otherServer, client: web, user: alice, scopes: ["offline_access"] });
      expect((await introspect(web, { token: refresh.token })).body).toEqual(INACTIVE);
      expect((await introspect(web, { token: refresh.token }, { authServerId: otherServer })).body.active).toBe(true);
    });

    it("an ID token is never taken for an access token, nor the reverse", async () => {
      const access = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], override: { jti: "ID.looks-like-an-id-token" } });
      expect((await introspect(web, { token: access.token })).body).toEqual(INACTIVE);
      const id = await mintIdToken(f, { client: web, user: alice, extra: { scp: ["openid"] } });
      expect((await introspect(web, { token: id.token })).body).toEqual(INACTIVE);
    });
  });

  describe("token_type_hint is a hint, not a filter", () => {
    it("finds each type whatever the hint says (including unknown hints)", async () => {
      const access = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const refresh = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"] });
      const id = await mintIdToken(f, { client: web, user: alice });
      for (const hint of ["access_token", "refresh_token", "id_token", "something_else"]) {
        expect((await introspect(web, { token: access.token, token_type_hint: hint })).body).toMatchObject({ active: true, jti: access.claims.jti });
        expect((await introspect(web, { token: refresh.token, token_type_hint: hint })).body).toMatchObject({ active: true, scope: "offline_access" });
        expect((await introspect(web, { token: id.token, token_type_hint: hint })).body).toMatchObject({ active: true, jti: id.claims.jti });
      }
    });

    it("looks the hinted type up first: an access token hinted as refresh_token costs a refresh-token lookup first", async () => {
      const access = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const context = getAppContext();
      const counting = countingDb(f.db);
      setAppContext({ ...context, db: counting.db });
      try {
        expect((await introspect(web, { token: access.token })).body.active).toBe(true);
        expect(counting.queries).not.toContain("RefreshToken.findUnique");
        counting.queries.length = 0;
        expect((await introspect(web, { token: access.token, token_type_hint: "refresh_token" })).body.active).toBe(true);
        expect(counting.queries).toContain("RefreshToken.findUnique");
        const lookup = counting.queries.indexOf("RefreshToken.findUnique");
        expect(counting.queries.indexOf("RevokedAccessToken.findFirst")).toBeGreaterThan(lookup);
      } finally {
        setAppContext(context);
      }
    });

    it("a warm introspection of an access token reads no keys and no client: one revocation read, the app and the user, the assignment", async () => {
      const access = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const context = getAppContext();
      const counting = countingDb(f.db);
      setAppContext({ ...context, db: counting.db });
      try {
        await introspect(web, { token: access.token });
        counting.queries.length = 0;
        expect((await introspect(web, { token: access.token })).body.active).toBe(true);
        // client authentication: nothing (the client is cached; at most the clients' version check)
        const queries = counting.queries.filter((query) => query !== "CacheVersion.findUnique");
        // the token: the revocation markers, the app and the user (in parallel), then the assignment
        expect(queries.slice(0, 3).sort()).toEqual(["App.findUnique", "RevokedAccessToken.findFirst", "User.findUnique"]);
        expect(queries.slice(3)).toEqual(["AppUserAssignment.findUnique"]);
        expect(counting.queries.filter((query) => query.startsWith("SigningKey.") || query.startsWith("AuthorizationServer."))).toEqual([]);
      } finally {
        setAppContext(context);
      }
    });
  });

  describe("public and confidential clients", () => {
    it("a public client (Basic with its client_id alone) sees its own tokens and {active:false} for any other client's", async () => {
      const own = await mintAccessToken(f, { client: spa, user: alice, scopes: ["openid"] });
      const others = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const othersRefresh = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"] });
      const othersId = await mintIdToken(f, { client: web, user: alice });
      expect(basicAuth(spa)).toBe(`Basic ${Buffer.from(spa.clientId).toString("base64")}`);
      expect((await introspect(spa, { token: own.token })).body).toMatchObject({ active: true, client_id: spa.clientId });
      for (const token of [others.token, othersRefresh.token, othersId.token]) expect((await introspect(spa, { token })).body).toEqual(INACTIVE);
      // the same public client with client_id in the body (no header)
      const viaBody = await introspect(spa, { token: own.token, client_id: spa.clientId }, { headers: {} });
      expect(viaBody.body.active).toBe(true);
    });

    it("a confidential client inspects every token of the server, other clients' included", async () => {
      const spaToken = await mintAccessToken(f, { client: spa, user: alice, scopes: ["openid"] });
      expect((await introspect(web, { token: spaToken.token })).body).toMatchObject({ active: true, client_id: spa.clientId });
      const viaPost = await introspect(web, { token: spaToken.token, client_id: web.clientId, client_secret: web.clientSecret! }, { headers: {} });
      expect(viaPost.body.active).toBe(true);
    });
  });

  describe("request errors", () => {
    it("requires the token parameter (400 invalid_request)", async () => {
      const res = await introspect(web, {});
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: "invalid_request", error_description: "The 'token' parameter is required." });
      expect(res.headers.get("www-authenticate")).toBeNull();
      expect((await introspect(web, { token: "" })).status).toBe(400);
    });

    it("requires client authentication: 401 invalid_client with a Basic challenge", async () => {
      const { token } = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const none = await introspect(web, { token }, { headers: {} });
      expect(none.status).toBe(401);
      expect(none.body).toEqual({ error: "invalid_client", error_description: "No client credentials found." });
      expect(none.headers.get("www-authenticate")).toBe('Basic realm="IdP", error="invalid_client", error_description="No client credentials found."');

      const wrongSecret = await introspect(web, { token }, { headers: { Authorization: `Basic ${Buffer.from(`${web.clientId}:wrong`).toString("base64")}` } });
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.body).toEqual({ error: "invalid_client", error_description: "The client secret supplied for a confidential client is invalid." });
      expect(wrongSecret.headers.get("www-authenticate")).toMatch(/^Basic realm="IdP", error="invalid_client"/);

      const unknown = await introspect(web, { token }, { headers: { Authorization: `Basic ${Buffer.from("0oaNoSuchClient00000:secret").toString("base64")}` } });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error).toBe("invalid_client");

      // a confidential client cannot authenticate as a public one
      const noSecret = await introspect(web, { token }, { headers: { Authorization: `Basic ${Buffer.from(web.clientId).toString("base64")}` } });
      expect(noSecret.status).toBe(401);

      const malformed = await introspect(web, { token }, { headers: { Authorization: "Basic !!!" } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toBe("invalid_request");
    });

    it("takes form bodies only, without repeated parameters", async () => {
      const { token } = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const json = await callOAuth("POST", "/oauth2/default/v1/introspect", { headers: { Authorization: basicAuth(web), "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
      expect(json.status).toBe(400);
      expect(json.body).toEqual({ error: "invalid_request", error_description: "The request must use Content-Type application/x-www-form-urlencoded." });
      const twice = await callOAuth("POST", "/oauth2/default/v1/introspect", {
        headers: { Authorization: basicAuth(web), "Content-Type": "application/x-www-form-urlencoded" },
        body: `token=${token}&token=${token}`,
      });
      expect(twice.status).toBe(400);
      expect(twice.body).toEqual({ error: "invalid_request", error_description: "The 'token' parameter was given more than once." });
      expect((await callOAuth("GET", "/oauth2/default/v1/introspect")).status).toBe(405);
    });

    it("answers CORS for a trusted origin only", async () => {
      const origin = "https://inspector.example.com";
      expect((await f.api("POST", "/api/v1/trustedOrigins", { name: "Inspector", origin, scopes: [{ type: "CORS" }] })).status).toBe(200);
      f.clock.advance(1000);
      const preflight = await callOAuth("OPTIONS", "/oauth2/default/v1/introspect", { headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, OPTIONS");
      const { token } = await mintAccessToken(f, { client: spa, user: alice, scopes: ["openid"] });
      const res = await introspect(spa, { token }, { headers: { Authorization: basicAuth(spa), Origin: origin } });
      expect(res.body.active).toBe(true);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate, DPoP-Nonce");
      const untrusted = await introspect(spa, { token }, { headers: { Authorization: basicAuth(spa), Origin: "https://evil.example.com" } });
      expect(untrusted.body.active).toBe(true);
      expect(untrusted.headers.get("access-control-allow-origin")).toBeNull();
    });

    it("answers 404 for an unknown authorization server", async () => {
      const { token } = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
      const res = await introspect(web, { token }, { authServerId: "ausNoSuchServer00000" });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: "not_found", error_description: "The authorization server was not found or is not active." });
    });
  });
});
