import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { createProtocolFastPath } from "@/lib/cli/protocol-fast-path";
import { MAX_FORM_BYTES } from "@/lib/oauth/request/parse-form-body";
import { ANTI_FRAMING_HEADERS, BASE_HEADERS } from "@/lib/http/response-headers";
import { callRoute } from "../support/call-route";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";

/** The route-produced headers both ways of answering must agree on. */
const COMPARED = ["content-type", "cache-control", "pragma", "etag", "vary", "www-authenticate", "access-control-allow-origin", "access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers", "access-control-max-age"];

type Answer = { status: number; headers: Record<string, string | null>; body: string };
const answer = async (response: Response): Promise<Answer> => ({
  status: response.status,
  headers: Object.fromEntries(COMPARED.map((name) => [name, response.headers.get(name)])),
  body: await response.text(),
});

describe.each(testProviders())("the protocol fast path on %s", (provider) => {
  let f: AdminFixture;
  let server: Server;
  let base: string;
  let fellThrough: string[];
  let basic: string;
  const form = (body: string, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: basic, ...headers }, body });

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    fellThrough = [];
    const fastPath = createProtocolFastPath(getAppContext, { bypassHeader: "x-bench-route-handler" });
    server = createServer((request, response) => {
      if (fastPath(request, response)) return;
      fellThrough.push(`${request.method} ${request.url}`);
      response.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await f.api("POST", "/api/v1/trustedOrigins", { name: "SPA", origin: "https://spa.example.com", scopes: [{ type: "CORS" }] });
    await f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "fastpath", description: "Fast path scope", metadataPublish: "ALL_CLIENTS" });
    const app = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Fast path service",
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
    });
    const { client_id, client_secret } = app.body.credentials.oauthClient;
    basic = `Basic ${Buffer.from(`${client_id}:${client_secret}`).toString("base64")}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await f.close();
  });

  const viaFastPath = async (path: string, init: RequestInit = {}) => answer(await fetch(`${base}${path}`, init));
  const viaRoute = async (path: string, init: RequestInit = {}) => answer(await callRoute(new Request(`${ORG_URL}${path}`, init)));

  it.each([
    ["discovery", "/oauth2/default/.well-known/openid-configuration", {}],
    ["OAuth metadata", "/oauth2/default/.well-known/oauth-authorization-server", {}],
    ["keys", "/oauth2/default/v1/keys", {}],
    ["keys from a trusted origin", "/oauth2/default/v1/keys", { headers: { Origin: "https://spa.example.com" } }],
    ["discovery from an untrusted origin", "/oauth2/default/.well-known/openid-configuration", { headers: { Origin: "https://evil.example.com" } }],
    ["a preflight from a trusted origin", "/oauth2/default/v1/keys", { method: "OPTIONS", headers: { Origin: "https://spa.example.com", "Access-Control-Request-Method": "GET" } }],
    ["an unknown server", "/oauth2/nope/.well-known/openid-configuration", {}],
    ["a query string", "/oauth2/default/v1/keys?x=1", {}],
    ["the org authorization server's discovery", "/.well-known/openid-configuration", {}],
    ["the org authorization server's OAuth metadata", "/.well-known/oauth-authorization-server", {}],
    ["the org authorization server's keys", "/oauth2/v1/keys", {}],
    ["the org authorization server under a server path (none)", "/oauth2/org/v1/keys", {}],
  ] as Array<[string, string, RequestInit]>)("answers %s exactly as the route handler does", async (_, path, init) => {
    const fast = await viaFastPath(path, init);
    expect(fast).toEqual(await viaRoute(path, init));
    expect(fellThrough).toEqual([]);
  });

  it.each([
    ["a token request without client authentication", "/oauth2/default/v1/token", () => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" })],
    ["a token request with a JSON body", "/oauth2/default/v1/token", () => form("{}", { "Content-Type": "application/json" })],
    ["a token request with a repeated parameter", "/oauth2/default/v1/token", () => form("grant_type=client_credentials&scope=a&scope=b")],
    ["a token request over the size limit", "/oauth2/default/v1/token", () => form(`grant_type=client_credentials&scope=${"a".repeat(MAX_FORM_BYTES)}`)],
    ["a token request for an unknown scope", "/oauth2/default/v1/token", () => form("grant_type=client_credentials&scope=nope")],
    ["a token request with a byte order mark", "/oauth2/default/v1/token", () => form("\uFEFFgrant_type=password")],
    ["a token request to an unknown server", "/oauth2/nope/v1/token", () => form("grant_type=client_credentials")],
    ["a token request from a trusted origin", "/oauth2/default/v1/token", () => form("grant_type=implicit", { Origin: "https://spa.example.com" })],
    ["a token preflight from a trusted origin", "/oauth2/default/v1/token", () => ({ method: "OPTIONS", headers: { Origin: "https://spa.example.com", "Access-Control-Request-Method": "POST" } })],
    ["an introspection of an unknown token", "/oauth2/default/v1/introspect", () => form("token=not-a-token&token_type_hint=access_token")],
    ["an introspection with a wrong secret", "/oauth2/default/v1/introspect", () => form("token=x", { Authorization: `Basic ${Buffer.from("nobody:wrong").toString("base64")}` })],
    ["a revocation of an unknown token", "/oauth2/default/v1/revoke", () => form("token=not-a-token")],
    ["userinfo without a bearer token", "/oauth2/default/v1/userinfo", () => ({ method: "GET" })],
    ["userinfo with a malformed bearer token", "/oauth2/default/v1/userinfo", () => ({ method: "POST", headers: { Authorization: "Bearer abc" } })],
    ["a client_credentials request with a secret at the org authorization server", "/oauth2/v1/token", () => form("grant_type=client_credentials&scope=okta.users.read")],
    ["an introspection at the org authorization server", "/oauth2/v1/introspect", () => form("token=not-a-token")],
    ["a revocation at the org authorization server", "/oauth2/v1/revoke", () => form("token=not-a-token")],
    ["userinfo at the org authorization server", "/oauth2/v1/userinfo", () => ({ method: "GET" })],
  ] as Array<[string, string, () => RequestInit]>)("answers %s exactly as the route handler does", async (_, path, init) => {
    const fast = await viaFastPath(path, init());
    expect(fast).toEqual(await viaRoute(path, init()));
    expect(fast.status).not.toBe(500);
    expect(fellThrough).toEqual([]);
  });

  it("issues client_credentials tokens with the route handler's status, headers and claims, and they introspect as active", async () => {
    const body = "grant_type=client_credentials&scope=fastpath";
    const fast = await fetch(`${base}/oauth2/default/v1/token`, form(body));
    const route = await callRoute(new Request(`${ORG_URL}/oauth2/default/v1/token`, form(body)));
    const [fastAnswer, routeAnswer] = [await answer(fast), await answer(route)];
    expect(fastAnswer.status).toBe(200);
    expect(fastAnswer.headers).toEqual(routeAnswer.headers);
    const [fastJson, routeJson] = [JSON.parse(fastAnswer.body), JSON.parse(routeAnswer.body)];
    expect({ ...fastJson, access_token: "x" }).toEqual({ ...routeJson, access_token: "x" });
    expect(fastJson).toMatchObject({ token_type: "Bearer", scope: "fastpath" });
    const introspected = await fetch(`${base}/oauth2/default/v1/introspect`, form(`token=${fastJson.access_token}`));
    expect(introspected.status).toBe(200);
    expect(await introspected.json()).toMatchObject({ active: true, scope: "fastpath", token_type: "Bearer" });
    const revoked = await fetch(`${base}/oauth2/default/v1/revoke`, form(`token=${fastJson.access_token}`));
    expect(revoked.status).toBe(200);
    expect(fellThrough).toEqual([]);
  });

  it("answers If-None-Match with 304 and HEAD without a body, with the headers every response carries", async () => {
    const first = await fetch(`${base}/oauth2/default/v1/keys`);
    for (const [name, value] of Object.entries({ ...BASE_HEADERS, ...ANTI_FRAMING_HEADERS })) expect(first.headers.get(name)).toBe(value);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${base}/oauth2/default/v1/keys`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const head = await fetch(`${base}/oauth2/default/v1/keys`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect(await head.text()).toBe("");
  });

  it("leaves every other path, method, and the benchmark's bypass header to Next.js", async () => {
    for (const [path, init] of [
      ["/oauth2/default/v1/token", { method: "GET" }],
      ["/oauth2/default/v1/token/", { method: "POST" }],
      ["/oauth2/default/v1/keys", { method: "POST" }],
      ["/oauth2/default/v1/authorize", {}],
      ["/oauth2/default/v1/token", { method: "POST", headers: { "x-bench-route-handler": "1" } }],
      ["/oauth2/default/v1/keys/extra", {}],
      ["/oauth2/default/.well-known/openid-configuration", { headers: { "x-bench-route-handler": "1" } }],
      ["/oauth2/%E0%A4%A/v1/keys", {}],
      ["/api/v1/users", {}],
    ] as Array<[string, RequestInit]>) {
      expect((await fetch(`${base}${path}`, init)).status).toBe(418);
    }
    expect(fellThrough).toEqual([
      "GET /oauth2/default/v1/token",
      "POST /oauth2/default/v1/token/",
      "POST /oauth2/default/v1/keys",
      "GET /oauth2/default/v1/authorize",
      "POST /oauth2/default/v1/token",
      "GET /oauth2/default/v1/keys/extra",
      "GET /oauth2/default/.well-known/openid-configuration",
      "GET /oauth2/%E0%A4%A/v1/keys",
      "GET /api/v1/users",
    ]);
  });
});
