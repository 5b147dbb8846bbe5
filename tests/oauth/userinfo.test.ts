import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { resetVerificationKeyCache } from "@/lib/oauth/verify/find-verification-key";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { callOAuth, createTestClient, createTestUser, mintAccessToken, mintIdToken, revoke, type TestClient, type TestUser } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { deleteLogEvents, readLogEvents } from "../support/read-log-events";

const DAY_MS = 86_400_000;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const challenge = (error: string, description: string) => `Bearer realm="IdP", error="${error}", error_description="${description}"`;
/** RFC 6750 3.1: a request without any token gets the scheme and realm only, no error code. */
const NO_TOKEN = 'Bearer realm="IdP"';
const INVALID = challenge("invalid_token", "The access token is invalid.");

describe.each(testProviders())("GET|POST /oauth2/:as/v1/userinfo on %s", (provider) => {
  let f: AdminFixture;
  let web: TestClient;
  let service: TestClient;
  let alice: TestUser;
  let updatedAt: number;
  let brokenClaimId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    web = await createTestClient(f, "Web");
    service = await createTestClient(f, "Service", "service");
    alice = await createTestUser(f, "Alice", [web]);
    updatedAt = seconds((await f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).lastUpdated);
    const claims = "/api/v1/authorizationServers/default/claims";
    // an ID-token claim withheld from ID tokens: userinfo is where clients read it
    const shout = { name: "shout", claimType: "IDENTITY", valueType: "EXPRESSION", value: "String.toUpperCase(user.firstName)", alwaysIncludeInToken: false, conditions: { scopes: ["profile"] } };
    expect((await f.api("POST", claims, shout)).status).toBe(201);
    // an access-token claim: never in userinfo
    expect((await f.api("POST", claims, { name: "login_copy", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.login" })).status).toBe(201);
    // evaluates to null (no such attribute): left out and logged
    const broken = await f.api("POST", claims, { name: "cost_center", claimType: "IDENTITY", valueType: "EXPRESSION", value: "user.costCenter", conditions: { scopes: ["email"] } });
    expect(broken.status).toBe(201);
    brokenClaimId = broken.body.id;
    f.clock.advance(DAY_MS);
  });
  afterAll(() => f.close());
  beforeEach(() => {
    resetServerSnapshotCache();
    resetVerificationKeyCache();
  });

  const get = (headers: Record<string, string>, authServerId = "default") => callOAuth("GET", `/oauth2/${authServerId}/v1/userinfo`, { headers });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokenFor = async (scopes: string[]) => (await mintAccessToken(f, { client: web, user: alice, scopes })).token;

  function expect401(res: { status: number; headers: Headers; body: unknown; text: string }, header: string) {
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(header);
    if (header === NO_TOKEN) {
      expect(res.text).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      return;
    }
    const description = /error_description="(.*)"$/.exec(header)![1];
    expect(res.body).toEqual({ error: "invalid_token", error_description: description });
  }

  describe("claims per granted scope", () => {
    it("openid alone: only sub (the user id, the ID token's sub)", async () => {
      const res = await get(bearer(await tokenFor(["openid"])));
      expect(res.status).toBe(200);
      expect(res.text).toBe(JSON.stringify({ sub: alice.id }));
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("cache-control")).toBe("no-store");
      const idToken = await mintIdToken(f, { client: web, user: alice });
      expect(res.body.sub).toBe(idToken.claims.sub);
    });

    it("openid profile email phone: the standard claims in order, then IDENTITY claims whatever alwaysIncludeInToken says", async () => {
      await deleteLogEvents(f.db, { eventType: "app.oauth2.as.evaluate.claim" });
      const res = await get(bearer(await tokenFor(["openid", "profile", "email", "phone"])));
      expect(res.status).toBe(200);
      const expected = {
        sub: alice.id,
        name: "Alice Tester",
        family_name: "Tester",
        given_name: "Alice",
        preferred_username: "alice@example.com",
        zoneinfo: "America/New_York",
        locale: "en-US",
        updated_at: updatedAt,
        email: "alice@example.com",
        email_verified: true,
        phone_number: "+1 555 0100",
        phone_number_verified: false,
        shout: "ALICE",
      };
      expect(res.body).toEqual(expected);
      expect(Object.keys(res.body)).toEqual(Object.keys(expected));
      const events = await readLogEvents(f.db, { where: { eventType: "app.oauth2.as.evaluate.claim" } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ severity: "WARN", outcomeResult: "FAILURE", outcomeReason: "claim.null_value", actorId: web.clientId });
      expect((events[0]!.target as Array<{ id: string }>).map((target) => target.id)).toEqual([brokenClaimId, "default", alice.id]);
    });

    it("openid email: email claims only; a claim conditioned on an ungranted scope is left out", async () => {
      const res = await get(bearer(await tokenFor(["openid", "email"])));
      expect(res.body).toEqual({ sub: alice.id, email: "alice@example.com", email_verified: true });
    });

    it("POST works the same with the Authorization header or with a form body's access_token (RFC 6750 2.2), never both", async () => {
      const token = await tokenFor(["openid", "email"]);
      const expected = { sub: alice.id, email: "alice@example.com", email_verified: true };
      const viaHeader = await callOAuth("POST", "/oauth2/default/v1/userinfo", { headers: { ...bearer(token), "Content-Type": "application/json" }, body: "{}" });
      expect(viaHeader.status).toBe(200);
      expect(viaHeader.body).toEqual(expected);
      const viaForm = await callOAuth("POST", "/oauth2/default/v1/userinfo", { form: { access_token: token } });
      expect(viaForm.status).toBe(200);
      expect(viaForm.body).toEqual(expected);
      const both = await callOAuth("POST", "/oauth2/default/v1/userinfo", { headers: bearer(token), form: { access_token: token } });
      expect(both.status).toBe(400);
      expect(both.body).toEqual({ error: "invalid_request", error_description: "The access token must be sent in the Authorization header or in the request body, not both." });
      // the URI query parameter (RFC 6750 2.3) is not accepted
      expect401(await callOAuth("GET", `/oauth2/default/v1/userinfo?access_token=${token}`), NO_TOKEN);
    });
  });

  describe("errors with a Bearer challenge", () => {
    it("no token: 401 with the bare challenge and no error code or body (RFC 6750 3.1), whatever else the Authorization header holds", async () => {
      expect401(await get({}), NO_TOKEN);
      expect401(await get({ Authorization: "Bearer" }), NO_TOKEN);
      expect401(await get({ Authorization: `Basic ${Buffer.from(`${web.clientId}:${web.clientSecret}`).toString("base64")}` }), NO_TOKEN);
      expect401(await callOAuth("POST", "/oauth2/default/v1/userinfo", { form: { other: "1" } }), NO_TOKEN);
    });

    it("a token that is present but not valid keeps invalid_token", async () => {
      expect401(await get({ Authorization: "Bearer abc" }), INVALID);
      expect401(await callOAuth("POST", "/oauth2/default/v1/userinfo", { form: { access_token: "abc" } }), INVALID);
    });

    it("a token without openid: 403 insufficient_scope", async () => {
      const res = await get(bearer(await tokenFor(["profile", "email"])));
      expect(res.status).toBe(403);
      expect(res.headers.get("www-authenticate")).toBe(challenge("insufficient_scope", "The access token must provide access to at least one of these scopes - openid."));
      expect(res.body).toEqual({ error: "insufficient_scope", error_description: "The access token must provide access to at least one of these scopes - openid." });
    });

    it("expired, malformed, forged, an ID token, or another server's token: 401 invalid_token", async () => {
      const expired = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], now: new Date(f.clock.now.getTime() - 3600_000) });
      const idToken = await mintIdToken(f, { client: web, user: alice });
      const server = await f.api("POST", "/api/v1/authorizationServers", { name: "Elsewhere", audiences: ["api://elsewhere"] });
      const elsewhere = await mintAccessToken(f, { authServerId: server.body.id, client: web, user: alice, scopes: ["openid"] });
      for (const token of [expired.token, idToken.token, elsewhere.token, "garbage", `${await tokenFor(["openid"])}x`]) expect401(await get(bearer(token)), INVALID);
      // the other server's token works at its own userinfo
      expect((await get(bearer(elsewhere.token), server.body.id)).body).toEqual({ sub: alice.id });
      // the scheme name is case-insensitive
      expect((await get({ Authorization: `bearer ${await tokenFor(["openid"])}` })).status).toBe(200);
    });

    it("a revoked token and the token of a deactivated user: 401 invalid_token", async () => {
      const token = await tokenFor(["openid"]);
      expect((await get(bearer(token))).status).toBe(200);
      expect((await revoke(web, { token })).status).toBe(200);
      expect401(await get(bearer(token)), INVALID);

      const bob = await createTestUser(f, "Bob", [web]);
      f.clock.advance(1000);
      const bobs = (await mintAccessToken(f, { client: web, user: bob, scopes: ["openid"] })).token;
      expect((await get(bearer(bobs))).status).toBe(200);
      expect((await f.api("POST", `/api/v1/users/${bob.id}/lifecycle/deactivate`)).status).toBe(200);
      expect401(await get(bearer(bobs)), INVALID);
    });

    it("client_credentials tokens: 403 without openid; 401 with it (no end user to describe)", async () => {
      const plain = await mintAccessToken(f, { client: service, user: null, scopes: ["api:read"] });
      expect((await get(bearer(plain.token))).status).toBe(403);
      const withOpenid = await mintAccessToken(f, { client: service, user: null, scopes: ["openid"] });
      expect401(await get(bearer(withOpenid.token)), challenge("invalid_token", "The access token was not issued for an end user."));
    });

    it("an unknown authorization server: 404", async () => {
      const res = await get(bearer(await tokenFor(["openid"])), "ausNoSuchServer00000");
      expect(res.status).toBe(404);
      expect(res.body.error).toBe("not_found");
    });
  });

  describe("CORS", () => {
    const origin = "https://spa.example.com";
    beforeAll(async () => {
      expect((await f.api("POST", "/api/v1/trustedOrigins", { name: "SPA", origin, scopes: [{ type: "CORS" }] })).status).toBe(200);
      expect((await f.api("POST", "/api/v1/trustedOrigins", { name: "Redirect only", origin: "https://redirect.example.com", scopes: [{ type: "REDIRECT" }] })).status).toBe(200);
      f.clock.advance(1000);
    });

    it("answers the preflight of a trusted origin with exactly what okta-auth-js needs", async () => {
      const res = await callOAuth("OPTIONS", "/oauth2/default/v1/userinfo", {
        headers: { Origin: origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization, x-okta-user-agent-extended" },
      });
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(Object.fromEntries([...res.headers].filter(([name]) => name.startsWith("access-control-") || name === "vary"))).toEqual({
        "access-control-allow-origin": origin,
        "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
        "access-control-allow-headers": "Accept, Authorization, Content-Type, X-Okta-User-Agent-Extended, X-Requested-With, DPoP",
        "access-control-max-age": "600",
        vary: "Origin",
      });
    });

    it("adds the origin and exposes WWW-Authenticate on answers, errors included", async () => {
      const ok = await get({ ...bearer(await tokenFor(["openid"])), Origin: origin });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("access-control-allow-origin")).toBe(origin);
      expect(ok.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate, DPoP-Nonce");
      const denied = await get({ Origin: origin });
      expect(denied.status).toBe(401);
      expect(denied.headers.get("access-control-allow-origin")).toBe(origin);
      expect(denied.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate, DPoP-Nonce");
      expect(denied.headers.get("www-authenticate")).toBe(NO_TOKEN);
    });

    it("gives an untrusted origin (or one trusted for redirects only) no CORS headers", async () => {
      for (const other of ["https://evil.example.com", "https://redirect.example.com"]) {
        const preflight = await callOAuth("OPTIONS", "/oauth2/default/v1/userinfo", { headers: { Origin: other, "Access-Control-Request-Method": "GET" } });
        expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
        expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
        const res = await get({ ...bearer(await tokenFor(["openid"])), Origin: other });
        expect(res.status).toBe(200);
        expect(res.headers.get("access-control-allow-origin")).toBeNull();
        expect(res.headers.get("vary")).toBe("Origin");
      }
    });
  });
});
