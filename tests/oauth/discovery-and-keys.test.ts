import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { asAnotherProcess } from "../support/as-another-process";
import { callRoute } from "../support/call-route";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe.each(testProviders())("discovery and keys on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    resetServerSnapshotCache();
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("serves the OpenID configuration of the default server with the exact issuer", async () => {
    const res = await get("/oauth2/default/.well-known/openid-configuration");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(res.body).toMatchObject({
      issuer: `${ORG_URL}/oauth2/default`,
      authorization_endpoint: `${ORG_URL}/oauth2/default/v1/authorize`,
      token_endpoint: `${ORG_URL}/oauth2/default/v1/token`,
      userinfo_endpoint: `${ORG_URL}/oauth2/default/v1/userinfo`,
      registration_endpoint: `${ORG_URL}/oauth2/v1/clients`,
      jwks_uri: `${ORG_URL}/oauth2/default/v1/keys`,
      introspection_endpoint: `${ORG_URL}/oauth2/default/v1/introspect`,
      revocation_endpoint: `${ORG_URL}/oauth2/default/v1/revoke`,
      end_session_endpoint: `${ORG_URL}/oauth2/default/v1/logout`,
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
      ui_locales_supported: ["en", "de", "fr"],
      scopes_supported: ["openid", "profile", "email", "address", "phone", "offline_access"],
    });
    expect(res.body.response_modes_supported).toContain("okta_post_message");
    expect(res.body.token_endpoint_auth_methods_supported).toContain("private_key_jwt");
    const oauth = await get("/oauth2/default/.well-known/oauth-authorization-server");
    expect(oauth.status).toBe(200);
    expect(oauth.body.issuer).toBe(`${ORG_URL}/oauth2/default`);
    expect(oauth.body.userinfo_endpoint).toBeUndefined();
  });

  it("answers If-None-Match with 304", async () => {
    const first = await get("/oauth2/default/.well-known/openid-configuration");
    const again = await get("/oauth2/default/.well-known/openid-configuration", { "If-None-Match": first.headers.get("etag")! });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("lists custom scopes only when published; sees this instance's changes at once and other instances' within a second", async () => {
    const server = (await f.api("POST", "/api/v1/authorizationServers", { name: "Discovery", audiences: ["api://disco"] })).body;
    await f.api("POST", `/api/v1/authorizationServers/${server.id}/scopes`, { name: "orders:read", metadataPublish: "ALL_CLIENTS" });
    await f.api("POST", `/api/v1/authorizationServers/${server.id}/scopes`, { name: "orders:secret", metadataPublish: "NO_CLIENTS" });
    const doc = await get(`/oauth2/${server.id}/.well-known/openid-configuration`);
    expect(doc.body.issuer).toBe(`${ORG_URL}/oauth2/${server.id}`);
    expect(doc.body.scopes_supported).toContain("orders:read");
    expect(doc.body.scopes_supported).not.toContain("orders:secret");
    await f.api("POST", `/api/v1/authorizationServers/${server.id}/scopes`, { name: "orders:write", metadataPublish: "ALL_CLIENTS" });
    expect((await get(`/oauth2/${server.id}/.well-known/openid-configuration`)).body.scopes_supported).toContain("orders:write");
    // Another instance's change: only the configVersion bump in the database (its trigger) tells this one.
    await asAnotherProcess(() =>
      f.db.scope.create({ data: { id: "scpOtherInstance0001", authServerId: server.id, name: "orders:other", nameLower: "orders:other", metadataPublish: "ALL_CLIENTS" } }),
    );
    expect((await get(`/oauth2/${server.id}/.well-known/openid-configuration`)).body.scopes_supported).not.toContain("orders:other");
    f.clock.advance(1001);
    expect((await get(`/oauth2/${server.id}/.well-known/openid-configuration`)).body.scopes_supported).toContain("orders:other");
  });

  it("serves a warm document without touching the database", async () => {
    await get("/oauth2/default/.well-known/openid-configuration");
    await get("/oauth2/default/v1/keys");
    const saved = { server: f.db.authorizationServer.findUnique, keys: f.db.signingKey.findMany };
    const fail = () => Promise.reject(new Error("no queries expected"));
    (f.db.authorizationServer as { findUnique: unknown }).findUnique = fail;
    (f.db.signingKey as { findMany: unknown }).findMany = fail;
    try {
      expect((await get("/oauth2/default/.well-known/openid-configuration")).status).toBe(200);
      expect((await get("/oauth2/default/v1/keys")).status).toBe(200);
    } finally {
      (f.db.authorizationServer as { findUnique: unknown }).findUnique = saved.server;
      (f.db.signingKey as { findMany: unknown }).findMany = saved.keys;
    }
  });

  it("publishes ACTIVE and NEXT keys with only kty alg kid use n e, and the EXPIRED one after a rotation until it is no longer needed", async () => {
    f.clock.advance(1001);
    const before = await get("/oauth2/default/v1/keys");
    expect(before.status).toBe(200);
    expect(before.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    const stored = await f.db.signingKey.findMany({ where: { authServerId: "default" } });
    const active = stored.find((k) => k.status === "ACTIVE")!;
    const next = stored.find((k) => k.status === "NEXT")!;
    expect(before.body).toEqual({
      keys: [active, next].map((k) => ({ kty: "RSA", alg: "RS256", kid: k.kid, use: "sig", ...(k.publicJwk as { n: string; e: string }) })),
    });
    expect((await f.api("POST", "/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate", { use: "sig" })).status).toBe(200);
    f.clock.advance(1001);
    const after = await get("/oauth2/default/v1/keys");
    expect(after.body.keys.map((k: { kid: string }) => k.kid).slice(0, 1)).toEqual([next.kid]);
    expect(after.body.keys).toHaveLength(3);
    expect(after.body.keys[2].kid).toBe(active.kid);
    f.clock.advance(24 * 3_600_000 + 1000);
    const later = await get("/oauth2/default/v1/keys");
    expect(later.body.keys.map((k: { kid: string }) => k.kid)).not.toContain(active.kid);
    expect(later.body.keys).toHaveLength(2);
  });

  it("answers 404 with an OAuth error for unknown and INACTIVE servers", async () => {
    const unknown = await get("/oauth2/ausNoSuchServer00000/.well-known/openid-configuration");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: "not_found", error_description: "The authorization server was not found or is not active." });
    const server = (await f.api("POST", "/api/v1/authorizationServers", { name: "Soon inactive", audiences: ["api://off"] })).body;
    expect((await get(`/oauth2/${server.id}/v1/keys`)).status).toBe(200);
    await f.api("POST", `/api/v1/authorizationServers/${server.id}/lifecycle/deactivate`);
    f.clock.advance(1001);
    expect((await get(`/oauth2/${server.id}/v1/keys`)).status).toBe(404);
    expect((await get(`/oauth2/${server.id}/.well-known/openid-configuration`)).status).toBe(404);
  });

  it("answers CORS for trusted origins only, including preflights", async () => {
    await f.api("POST", "/api/v1/trustedOrigins", { name: "SPA", origin: "http://localhost:4200", scopes: [{ type: "CORS" }] });
    f.clock.advance(1001);
    const trusted = await get("/oauth2/default/v1/keys", { Origin: "http://localhost:4200" });
    expect(trusted.headers.get("access-control-allow-origin")).toBe("http://localhost:4200");
    expect(trusted.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate, DPoP-Nonce");
    expect(trusted.headers.get("vary")).toBe("Origin");
    const preflight = await get("/oauth2/default/.well-known/openid-configuration", { Origin: "http://localhost:4200", "Access-Control-Request-Method": "GET" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:4200");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("X-Okta-User-Agent-Extended");
    const untrusted = await get("/oauth2/default/v1/keys", { Origin: "http://evil.example" });
    expect(untrusted.status).toBe(200);
    expect(untrusted.headers.get("access-control-allow-origin")).toBeNull();
  });
});
