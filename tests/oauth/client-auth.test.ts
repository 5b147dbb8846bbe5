import { KeyObject } from "node:crypto";
import { CompactSign, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "@/lib/app-context";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { authenticateClient } from "@/lib/oauth/client-auth/authenticate-client";
import { CLIENT_AUTH_MESSAGES as M } from "@/lib/oauth/client-auth/client-auth-messages";
import { JWT_BEARER_ASSERTION_TYPE } from "@/lib/oauth/client-auth/read-client-credentials";
import { CLIENT_SECRET_JWT_ALGORITHMS, PRIVATE_KEY_JWT_ALGORITHMS } from "@/lib/oauth/client-auth/verify-client-assertion";
import { handleOAuthRequest } from "@/lib/oauth/http/handle-oauth-request";
import type { OAuthRequest } from "@/lib/oauth/request/oauth-request";
import { parseFormBody } from "@/lib/oauth/request/parse-form-body";
import { APP_SECRET, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { countingDb } from "../support/counting-db";

const ISSUER = `${ORG_URL}/oauth2/default`;
const TOKEN = `${ISSUER}/v1/token`;
const INTROSPECT = `${ISSUER}/v1/introspect`;
const REVOKE = `${ISSUER}/v1/revoke`;
type Endpoint = "token" | "introspect" | "revoke";

type Settings = Record<string, unknown>;
const appBody = (label: string, settings: Settings, credentials: Settings = {}) => ({
  name: "oidc_client",
  label,
  signOnMode: "OPENID_CONNECT",
  credentials: { oauthClient: credentials },
  settings: { oauthClient: settings },
});
const webSettings = { application_type: "web", redirect_uris: ["https://app.example.com/callback"] };
const service = { application_type: "service" };

/** RFC 6749 2.3.1 (what oauth4webapi and oidc-middleware send): form-urlencode id and secret, then base64. */
const form = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${form(id)}:${form(secret)}`).toString("base64")}`;
/** What okta-auth-js sends: no encoding, and for public clients no colon at all. */
const rawBasic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

type Outcome = { status: number; body: unknown; challenge: string | null };
const ok = (clientId: string, method: string): Outcome => ({ status: 200, body: { client_id: clientId, method }, challenge: null });
const unauthorized = (description: string): Outcome => ({
  status: 401,
  body: { error: "invalid_client", error_description: description },
  challenge: `Basic realm="IdP", error="invalid_client", error_description="${description}"`,
});
const badRequest = (description: string): Outcome => ({ status: 400, body: { error: "invalid_request", error_description: description }, challenge: null });

/** A key pair from jose; the private key as a KeyObject so one RSA key can sign both RS256 and PS256. */
type Keys = { privateKey: KeyObject; publicJwk: JWK };
async function keyPair(alg: "RS256" | "ES256", kid: string): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  delete publicJwk.alg;
  return { privateKey: KeyObject.from(privateKey), publicJwk: { ...publicJwk, kid, use: "sig" } };
}

/** The database URL behind a fixture's client, so a second client (another "instance") can open it. */
async function databaseUrl(db: Db, provider: "sqlite" | "postgresql"): Promise<string> {
  if (provider === "sqlite") {
    const rows = await db.$queryRawUnsafe<Array<{ name: string; file: string }>>("PRAGMA database_list");
    return `file:${rows.find((row) => row.name === "main")!.file}`;
  }
  const rows = await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT current_database() AS name");
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return url.toString();
}


describe.each(testProviders())("client authentication on %s", (provider) => {
  let f: AdminFixture;
  let app: AppContext;
  const clients = {} as Record<"web" | "webPost" | "service" | "brought" | "broughtPlus" | "spa" | "native" | "inactive" | "jwt" | "pkj" | "pkjTwoRsa", { id: string; secret: string | null }>;
  /** Characters RFC 6749 2.3.1 encoding matters for: ':' '%' '+' '/' '='. */
  const BROUGHT = "se:cr%et+with/odd=chars_0123456789abcdefXYZ";
  /** Decodes cleanly but differently when form-decoded ('+' is a space, '%41' is 'A'): only the reading as sent matches. */
  const BROUGHT_PLUS = "plus+and%41:colon/slash=equals_0123456789ab";
  let rsa: Keys;
  let ec: Keys;
  let rsaA: Keys;
  let rsaB: Keys;
  let stranger: Keys;

  async function create(key: keyof typeof clients, body: unknown, query = "") {
    const res = await f.api("POST", `/api/v1/apps${query}`, body);
    expect(res.status).toBe(200);
    clients[key] = { id: res.body.credentials.oauthClient.client_id, secret: res.body.credentials.oauthClient.client_secret ?? null };
  }

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    app = { db: f.db, provider, orgUrl: ORG_URL, secretsKey: deriveKey(APP_SECRET, "secrets-at-rest"), now: () => f.clock.now };
    [rsa, ec, rsaA, rsaB, stranger] = await Promise.all([keyPair("RS256", "rsa-1"), keyPair("ES256", "ec-1"), keyPair("RS256", "rsa-a"), keyPair("RS256", "rsa-b"), keyPair("RS256", "rsa-1")]);
    await create("web", appBody("Web", webSettings));
    await create("webPost", appBody("Web post", webSettings, { token_endpoint_auth_method: "client_secret_post" }));
    await create("service", appBody("Service", service));
    await create("brought", appBody("Brought", webSettings, { client_secret: BROUGHT }));
    await create("broughtPlus", appBody("Brought plus", webSettings, { client_secret: BROUGHT_PLUS }));
    await create("spa", appBody("SPA", { application_type: "browser", redirect_uris: ["http://localhost:8080/cb"] }));
    await create("native", appBody("Native", { application_type: "native", redirect_uris: ["com.example.app:/cb"] }));
    await create("inactive", appBody("Inactive", service), "?activate=false");
    await create("jwt", appBody("JWT service", service, { token_endpoint_auth_method: "client_secret_jwt" }));
    await create("pkj", appBody("Key service", { ...service, jwks: { keys: [{ ...rsa.publicJwk, alg: "RS256" }, ec.publicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" }));
    await create("pkjTwoRsa", appBody("Two RSA keys", { ...service, jwks: { keys: [rsaA.publicJwk, rsaB.publicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" }));
  });
  afterAll(() => f.close());

  const id = (key: keyof typeof clients) => clients[key].id;
  const secret = (key: keyof typeof clients) => clients[key].secret!;
  const seconds = () => Math.floor(f.clock.now.getTime() / 1000);

  /** One request through the protocol pipeline (status, body, WWW-Authenticate) to an operation that only authenticates. */
  async function call(fields: Record<string, string>, headers: Record<string, string> = {}, endpoint: Endpoint = "token", context: AppContext = app): Promise<Outcome> {
    const request: OAuthRequest = {
      method: "POST",
      url: new URL(`${ISSUER}/v1/${endpoint}`),
      headers: new Headers({ "Content-Type": "application/x-www-form-urlencoded", ...headers }),
      body: new URLSearchParams(fields).toString(),
      params: { authServerId: "default" },
      ipAddress: "127.0.0.1",
    };
    const response = await handleOAuthRequest(context, request, async (ctx, req) => {
      const result = await authenticateClient(ctx, req, parseFormBody(req), { endpoint, tokenEndpointUrl: TOKEN, issuer: ISSUER });
      return { status: 200, body: { client_id: result.client.clientId, method: result.method } };
    });
    return { status: response.status, body: response.body, challenge: response.headers?.["WWW-Authenticate"] ?? null };
  }

  /** A client_assertion with Okta's claims for `clientId`, valid now unless overridden. */
  function claims(clientId: string, overrides: JWTPayload = {}): JWTPayload {
    const now = seconds();
    return { iss: clientId, sub: clientId, aud: TOKEN, iat: now, exp: now + 300, jti: `jti-${crypto.randomUUID()}`, ...overrides };
  }
  const hmac = (payload: JWTPayload, key: string, alg = "HS256") => new SignJWT(payload).setProtectedHeader({ alg }).sign(new TextEncoder().encode(key));
  const signed = (payload: JWTPayload, keys: Keys, alg = "RS256", kid: string | null = String(keys.publicJwk.kid)) =>
    new SignJWT(payload).setProtectedHeader(kid === null ? { alg } : { alg, kid }).sign(keys.privateKey);
  const withAssertion = (assertion: string, extra: Record<string, string> = {}) => ({ client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion, ...extra });

  describe("client_secret_basic, client_secret_post and none", () => {
    it.each<[string, () => [Record<string, string>, Record<string, string>, Endpoint?], () => Outcome]>([
      ["Basic (RFC 6749 2.3.1 encoded)", () => [{}, { Authorization: basic(id("web"), secret("web")) }], () => ok(id("web"), "client_secret_basic")],
      ["Basic with client_id also in the body", () => [{ client_id: id("web") }, { Authorization: basic(id("web"), secret("web")) }], () => ok(id("web"), "client_secret_basic")],
      ["Basic on a service app", () => [{ grant_type: "client_credentials" }, { Authorization: basic(id("service"), secret("service")) }], () => ok(id("service"), "client_secret_basic")],
      ["Basic at /introspect", () => [{ token: "x" }, { Authorization: basic(id("service"), secret("service")) }, "introspect"], () => ok(id("service"), "client_secret_basic")],
      ["post", () => [{ client_id: id("webPost"), client_secret: secret("webPost") }, {}], () => ok(id("webPost"), "client_secret_post")],
      ["post for an app registered for Basic (openid-client, okta-auth-js)", () => [{ client_id: id("web"), client_secret: secret("web") }, {}], () => ok(id("web"), "client_secret_post")],
      ["Basic for an app registered for post", () => [{}, { Authorization: basic(id("webPost"), secret("webPost")) }], () => ok(id("webPost"), "client_secret_basic")],
      ["a secret with ':' '%' '+' '/' '=' in encoded Basic", () => [{}, { Authorization: basic(id("brought"), BROUGHT) }], () => ok(id("brought"), "client_secret_basic")],
      ["the same secret in unencoded Basic (okta-auth-js)", () => [{}, { Authorization: rawBasic(`${id("brought")}:${BROUGHT}`) }], () => ok(id("brought"), "client_secret_basic")],
      ["the same secret posted", () => [{ client_id: id("brought"), client_secret: BROUGHT }, {}], () => ok(id("brought"), "client_secret_post")],
      ["a secret with '+' and '%41' in encoded Basic", () => [{}, { Authorization: basic(id("broughtPlus"), BROUGHT_PLUS) }], () => ok(id("broughtPlus"), "client_secret_basic")],
      ["the same secret in unencoded Basic (read as sent)", () => [{}, { Authorization: rawBasic(`${id("broughtPlus")}:${BROUGHT_PLUS}`) }], () => ok(id("broughtPlus"), "client_secret_basic")],
      ["a public client by client_id in the body", () => [{ client_id: id("spa") }, {}], () => ok(id("spa"), "none")],
      ["a native public client by client_id in the body", () => [{ client_id: id("native") }, {}], () => ok(id("native"), "none")],
      ["a public client by Basic without a colon at /revoke (okta-auth-js)", () => [{ token: "x", token_type_hint: "access_token" }, { Authorization: rawBasic(id("spa")) }, "revoke"], () => ok(id("spa"), "none")],
      ["a public client by Basic without a colon at /introspect", () => [{ token: "x" }, { Authorization: rawBasic(id("spa")) }, "introspect"], () => ok(id("spa"), "none")],
      ["a public client by Basic with an empty secret", () => [{}, { Authorization: rawBasic(`${id("spa")}:`) }], () => ok(id("spa"), "none")],
    ])("authenticates %s", async (_, request, expected) => {
      const [fields, headers, endpoint] = request();
      expect(await call(fields, headers, endpoint)).toEqual(expected());
    });

    it.each<[string, () => [Record<string, string>, Record<string, string>], () => Outcome]>([
      ["no credentials at all", () => [{ grant_type: "client_credentials" }, {}], () => unauthorized(M.noCredentials)],
      ["an unknown client (Basic)", () => [{}, { Authorization: basic("0oaUnknownClient0000", "whatever-secret") }], () => unauthorized(M.unknownClient)],
      ["an unknown client (post)", () => [{ client_id: "0oaUnknownClient0000", client_secret: "whatever-secret" }, {}], () => unauthorized(M.unknownClient)],
      ["an unknown public client", () => [{ client_id: "0oaUnknownClient0000" }, {}], () => unauthorized(M.unknownClient)],
      ["an INACTIVE app with its right secret", () => [{}, { Authorization: basic(id("inactive"), secret("inactive")) }], () => unauthorized(M.unknownClient)],
      ["a wrong secret (Basic)", () => [{}, { Authorization: basic(id("web"), `${secret("web")}x`) }], () => unauthorized(M.invalidSecret)],
      ["a wrong secret (post)", () => [{ client_id: id("web"), client_secret: "not-the-secret" }, {}], () => unauthorized(M.invalidSecret)],
      ["another app's secret", () => [{}, { Authorization: basic(id("web"), secret("service")) }], () => unauthorized(M.invalidSecret)],
      ["a '+' secret form-decoded by the client before sending", () => [{}, { Authorization: basic(id("broughtPlus"), "plus and%41:colon/slash=equals_0123456789ab") }], () => unauthorized(M.invalidSecret)],
      ["the secret's hash instead of the secret", () => [{ client_id: id("web"), client_secret: hashToken(secret("web")) }, {}], () => unauthorized(M.invalidSecret)],
      ["a confidential app without its secret (client_id only)", () => [{ client_id: id("web") }, {}], () => unauthorized(M.authenticationFailed)],
      ["a confidential app by the public Basic form", () => [{}, { Authorization: rawBasic(id("service")) }], () => unauthorized(M.authenticationFailed)],
      ["a public app sending a secret", () => [{ client_id: id("spa"), client_secret: "some-secret-0123456789abcdef0123456789" }, {}], () => unauthorized(M.authenticationFailed)],
      ["a client_secret_jwt app sending its secret by Basic", () => [{}, { Authorization: basic(id("jwt"), secret("jwt")) }], () => unauthorized(M.authenticationFailed)],
      ["a client_secret_jwt app posting its secret", () => [{ client_id: id("jwt"), client_secret: secret("jwt") }, {}], () => unauthorized(M.authenticationFailed)],
      ["a private_key_jwt app by client_id only", () => [{ client_id: id("pkj") }, {}], () => unauthorized(M.authenticationFailed)],
      ["a Bearer Authorization header", () => [{ client_id: id("spa") }, { Authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln" }], () => unauthorized(M.headerScheme)],
      ["a malformed Basic header", () => [{}, { Authorization: "Basic not base64!" }], () => badRequest(M.headerMalformed)],
      ["Basic and client_secret together", () => [{ client_id: id("web"), client_secret: secret("web") }, { Authorization: basic(id("web"), secret("web")) }], () => badRequest(M.multipleCredentials)],
      ["a client_id that disagrees with Basic", () => [{ client_id: id("service") }, { Authorization: basic(id("web"), secret("web")) }], () => badRequest(M.clientIdMismatch)],
      ["client_secret without client_id", () => [{ client_secret: secret("web") }, {}], () => badRequest(M.secretWithoutClientId)],
    ])("refuses %s", async (_, request, expected) => {
      const [fields, headers] = request();
      expect(await call(fields, headers)).toEqual(expected());
    });

    it("checks every ACTIVE secret and no other: rotation keeps the old secret working until it is deactivated", async () => {
      const appId = id("service");
      const old = secret("service");
      const added = await f.api("POST", `/api/v1/apps/${appId}/credentials/secrets`, {});
      expect(added.status).toBe(201);
      const fresh = added.body.client_secret as string;
      expect(await call({}, { Authorization: basic(appId, old) })).toEqual(ok(appId, "client_secret_basic"));
      expect(await call({}, { Authorization: basic(appId, fresh) })).toEqual(ok(appId, "client_secret_basic"));

      const oldRow = await f.db.clientSecret.findFirstOrThrow({ where: { appId, id: { not: added.body.id } } });
      expect((await f.api("POST", `/api/v1/apps/${appId}/credentials/secrets/${oldRow.id}/lifecycle/deactivate`)).status).toBe(200);
      expect(await call({}, { Authorization: basic(appId, old) })).toEqual(unauthorized(M.invalidSecret));
      expect(await call({ client_id: appId, client_secret: fresh }, {})).toEqual(ok(appId, "client_secret_post"));
      clients.service.secret = fresh;
    });

    it("refuses an app from the moment it is deactivated", async () => {
      const res = await f.api("POST", "/api/v1/apps", appBody("Soon inactive", service));
      const clientId = res.body.credentials.oauthClient.client_id as string;
      const clientSecret = res.body.credentials.oauthClient.client_secret as string;
      expect(await call({}, { Authorization: basic(clientId, clientSecret) })).toEqual(ok(clientId, "client_secret_basic"));
      expect((await f.api("POST", `/api/v1/apps/${res.body.id}/lifecycle/deactivate`)).status).toBe(200);
      expect(await call({}, { Authorization: basic(clientId, clientSecret) })).toEqual(unauthorized(M.unknownClient));
    });

    it("reads a client once, then serves it from the cache; a wrong secret costs one fresh read", async () => {
      const counting = countingDb(f.db);
      const context = { ...app, db: counting.db };
      // CacheVersion reads (once a second, and on every lookup for a second after this process changed a client) aside
      const reads = () => counting.queries.splice(0).filter((query) => query !== "CacheVersion.findUnique");
      expect(await call({ grant_type: "client_credentials" }, { Authorization: basic(id("service"), secret("service")) }, "token", context)).toEqual(ok(id("service"), "client_secret_basic"));
      expect(reads()).toEqual(["App.findUnique"]);
      expect(await call({ grant_type: "client_credentials" }, { Authorization: basic(id("service"), secret("service")) }, "token", context)).toEqual(ok(id("service"), "client_secret_basic"));
      expect(await call({ client_id: id("spa") }, {}, "token", context)).toEqual(ok(id("spa"), "none"));
      expect(reads()).toEqual(["App.findUnique"]);
      expect(await call({ client_id: id("spa") }, {}, "token", context)).toEqual(ok(id("spa"), "none"));
      expect(reads()).toEqual([]);
      expect(await call({ client_id: id("service"), client_secret: "wrong" }, {}, "token", context)).toEqual(unauthorized(M.invalidSecret));
      expect(reads()).toEqual(["App.findUnique"]);
      expect(await call({ client_id: "0oaUnknownClient0000" }, {}, "token", context)).toEqual(unauthorized(M.unknownClient));
      expect(await call({ client_id: "0oaUnknownClient0000" }, {}, "token", context)).toEqual(unauthorized(M.unknownClient));
      expect(reads()).toEqual(["App.findUnique", "App.findUnique"]);
    });

    it("sees another instance's changes: a new secret at once, a deactivated secret or app within a second", async () => {
      const created = await f.api("POST", "/api/v1/apps", appBody("Cached elsewhere", service));
      const appId = created.body.id as string;
      const clientId = created.body.credentials.oauthClient.client_id as string;
      const first = created.body.credentials.oauthClient.client_secret as string;
      const other = createDbClient(await databaseUrl(f.db, provider));
      const instanceB: AppContext = { ...app, db: other };
      try {
        expect(await call({}, { Authorization: basic(clientId, first) }, "token", instanceB)).toEqual(ok(clientId, "client_secret_basic"));
        // rotated through this instance: the new secret works on B at once (an unknown secret is read afresh)
        const added = await f.api("POST", `/api/v1/apps/${appId}/credentials/secrets`, {});
        const second = added.body.client_secret as string;
        expect(await call({}, { Authorization: basic(clientId, second) }, "token", instanceB)).toEqual(ok(clientId, "client_secret_basic"));
        const firstId = ((await f.api("GET", `/api/v1/apps/${appId}/credentials/secrets`)).body as Array<{ id: string }>).find((s) => s.id !== added.body.id)!.id;
        expect((await f.api("POST", `/api/v1/apps/${appId}/credentials/secrets/${firstId}/lifecycle/deactivate`)).status).toBe(200);
        // this instance: at once
        expect(await call({}, { Authorization: basic(clientId, first) })).toEqual(unauthorized(M.invalidSecret));
        // B: its cached entry still knows the old secret until its next version check, a second later
        f.clock.advance(1000);
        expect(await call({}, { Authorization: basic(clientId, first) }, "token", instanceB)).toEqual(unauthorized(M.invalidSecret));
        expect(await call({}, { Authorization: basic(clientId, second) }, "token", instanceB)).toEqual(ok(clientId, "client_secret_basic"));
        expect((await f.api("POST", `/api/v1/apps/${appId}/lifecycle/deactivate`)).status).toBe(200);
        expect(await call({}, { Authorization: basic(clientId, second) })).toEqual(unauthorized(M.unknownClient));
        f.clock.advance(1000);
        expect(await call({}, { Authorization: basic(clientId, second) }, "token", instanceB)).toEqual(unauthorized(M.unknownClient));
      } finally {
        await other.$disconnect();
      }
    });
  });

  describe("client_secret_jwt and private_key_jwt", () => {
    it.each<[string, () => Promise<[Record<string, string>, Endpoint?]>, () => Outcome]>([
      ...CLIENT_SECRET_JWT_ALGORITHMS.map(
        (alg): [string, () => Promise<[Record<string, string>, Endpoint?]>, () => Outcome] => [
          `client_secret_jwt with ${alg}`,
          async () => [withAssertion(await hmac(claims(id("jwt")), secret("jwt"), alg))],
          () => ok(id("jwt"), "client_secret_jwt"),
        ],
      ),
      ["client_secret_jwt with the client_id parameter", async () => [withAssertion(await hmac(claims(id("jwt")), secret("jwt")), { client_id: id("jwt") })], () => ok(id("jwt"), "client_secret_jwt")],
      ["client_secret_jwt without iat and jti", async () => [withAssertion(await hmac(claims(id("jwt"), { iat: undefined, jti: undefined }), secret("jwt")))], () => ok(id("jwt"), "client_secret_jwt")],
      ["client_secret_jwt addressed to the issuer", async () => [withAssertion(await hmac(claims(id("jwt"), { aud: ISSUER }), secret("jwt")))], () => ok(id("jwt"), "client_secret_jwt")],
      ["client_secret_jwt at /introspect addressed to it", async () => [withAssertion(await hmac(claims(id("jwt"), { aud: INTROSPECT }), secret("jwt"))), "introspect"], () => ok(id("jwt"), "client_secret_jwt")],
      ["client_secret_jwt at /revoke addressed to the token endpoint", async () => [withAssertion(await hmac(claims(id("jwt")), secret("jwt"))), "revoke"], () => ok(id("jwt"), "client_secret_jwt")],
      ["client_secret_jwt with aud as an array", async () => [withAssertion(await hmac(claims(id("jwt"), { aud: ["https://elsewhere.example", TOKEN] }), secret("jwt")))], () => ok(id("jwt"), "client_secret_jwt")],
      ["private_key_jwt RS256 with kid", async () => [withAssertion(await signed(claims(id("pkj")), rsa))], () => ok(id("pkj"), "private_key_jwt")],
      ["private_key_jwt ES256 with kid", async () => [withAssertion(await signed(claims(id("pkj")), ec, "ES256"))], () => ok(id("pkj"), "private_key_jwt")],
      ["private_key_jwt without kid when one key fits the alg", async () => [withAssertion(await signed(claims(id("pkj")), ec, "ES256", null))], () => ok(id("pkj"), "private_key_jwt")],
      ["private_key_jwt PS256 with a key registered without alg", async () => [withAssertion(await signed(claims(id("pkjTwoRsa")), rsaA, "PS256"))], () => ok(id("pkjTwoRsa"), "private_key_jwt")],
      ["private_key_jwt at /revoke addressed to it", async () => [withAssertion(await signed(claims(id("pkj"), { aud: REVOKE }), rsa)), "revoke"], () => ok(id("pkj"), "private_key_jwt")],
    ])("authenticates %s", async (_, request, expected) => {
      const [fields, endpoint] = await request();
      expect(await call(fields, {}, endpoint)).toEqual(expected());
    });

    const hs = M.assertionAlgorithm(CLIENT_SECRET_JWT_ALGORITHMS);
    const asym = M.assertionAlgorithm(PRIVATE_KEY_JWT_ALGORITHMS);
    it.each<[string, () => Promise<[Record<string, string>, Endpoint?]>, () => Outcome]>([
      ["an assertion addressed to another server", async () => [withAssertion(await hmac(claims(id("jwt"), { aud: `${ORG_URL}/oauth2/aus0ther/v1/token` }), secret("jwt")))], () => unauthorized(M.assertionAudience)],
      ["an assertion for /introspect sent to /token", async () => [withAssertion(await hmac(claims(id("jwt"), { aud: INTROSPECT }), secret("jwt")))], () => unauthorized(M.assertionAudience)],
      ["an assertion addressed to the org", async () => [withAssertion(await signed(claims(id("pkj"), { aud: ORG_URL }), rsa))], () => unauthorized(M.assertionAudience)],
      ["an expired assertion", async () => [withAssertion(await hmac(claims(id("jwt"), { iat: seconds() - 600, exp: seconds() - 1 }), secret("jwt")))], () => unauthorized(M.assertionExpired)],
      ["an assertion expiring right now", async () => [withAssertion(await signed(claims(id("pkj"), { exp: seconds() }), rsa))], () => unauthorized(M.assertionExpired)],
      ["exp more than one hour ahead", async () => [withAssertion(await hmac(claims(id("jwt"), { exp: seconds() + 3661 }), secret("jwt")))], () => unauthorized(M.assertionExpTooFar)],
      ["exp a day ahead (private_key_jwt)", async () => [withAssertion(await signed(claims(id("pkj"), { exp: seconds() + 86_400 }), rsa))], () => unauthorized(M.assertionExpTooFar)],
      ["no exp", async () => [withAssertion(await hmac(claims(id("jwt"), { exp: undefined }), secret("jwt")))], () => unauthorized(M.assertionExpMissing)],
      ["iat in the future", async () => [withAssertion(await hmac(claims(id("jwt"), { iat: seconds() + 61 }), secret("jwt")))], () => unauthorized(M.assertionIatFuture)],
      ["iat in the future (private_key_jwt)", async () => [withAssertion(await signed(claims(id("pkj"), { iat: seconds() + 3600 }), ec, "ES256"))], () => unauthorized(M.assertionIatFuture)],
      ["iss different from sub", async () => [withAssertion(await hmac(claims(id("jwt"), { iss: id("web") }), secret("jwt")))], () => unauthorized(M.assertionSubject)],
      ["no sub", async () => [withAssertion(await hmac(claims(id("jwt"), { sub: undefined }), secret("jwt")))], () => unauthorized(M.assertionSubject)],
      ["an unknown client", async () => [withAssertion(await hmac(claims("0oaUnknownClient0000"), "x".repeat(64)))], () => unauthorized(M.unknownClient)],
      ["an INACTIVE client", async () => [withAssertion(await hmac(claims(id("inactive")), secret("inactive")))], () => unauthorized(M.unknownClient)],
      ["a client_id parameter naming another client", async () => [withAssertion(await hmac(claims(id("jwt")), secret("jwt")), { client_id: id("pkj") })], () => badRequest(M.clientIdMismatch)],
      ["an app registered for client_secret_basic", async () => [withAssertion(await hmac(claims(id("web")), secret("web")))], () => unauthorized(M.authenticationFailed)],
      ["a public app", async () => [withAssertion(await signed(claims(id("spa")), rsa))], () => unauthorized(M.authenticationFailed)],
      ["alg none (client_secret_jwt)", async () => [withAssertion(new UnsecuredJWT(claims(id("jwt"))).encode())], () => unauthorized(hs)],
      ["alg none (private_key_jwt)", async () => [withAssertion(new UnsecuredJWT(claims(id("pkj"))).encode())], () => unauthorized(asym)],
      ["RS256 for a client_secret_jwt app", async () => [withAssertion(await signed(claims(id("jwt")), rsa))], () => unauthorized(hs)],
      ["HS256 for a private_key_jwt app (key confusion)", async () => [withAssertion(await hmac(claims(id("pkj")), JSON.stringify(rsa.publicJwk)))], () => unauthorized(asym)],
      ["a wrong client secret", async () => [withAssertion(await hmac(claims(id("jwt")), secret("web")))], () => unauthorized(M.assertionSignature)],
      ["an unknown kid", async () => [withAssertion(await signed(claims(id("pkj")), rsa, "RS256", "rsa-404"))], () => unauthorized(M.assertionKid)],
      ["no kid when two keys fit", async () => [withAssertion(await signed(claims(id("pkjTwoRsa")), rsaA, "RS256", null))], () => unauthorized(M.assertionKid)],
      ["a registered kid but another private key", async () => [withAssertion(await signed(claims(id("pkj")), stranger))], () => unauthorized(M.assertionSignature)],
      ["ES256 naming the RSA key", async () => [withAssertion(await signed(claims(id("pkj")), ec, "ES256", "rsa-1"))], () => unauthorized(M.assertionSignature)],
      ["PS256 with a key registered for RS256 only", async () => [withAssertion(await signed(claims(id("pkj")), rsa, "PS256"))], () => unauthorized(M.assertionSignature)],
      [
        "a payload changed after signing",
        async () => {
          const [head, , signature] = (await signed(claims(id("pkj")), rsa)).split(".");
          const forged = Buffer.from(JSON.stringify(claims(id("pkj"), { exp: seconds() + 600 }))).toString("base64url");
          return [withAssertion(`${head}.${forged}.${signature}`)];
        },
        () => unauthorized(M.assertionSignature),
      ],
      ["something that is not a JWT", async () => [withAssertion("not-a-jwt")], () => unauthorized(M.assertionMalformed)],
      ["an encrypted JWT (five parts)", async () => [withAssertion("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn")], () => unauthorized(M.assertionMalformed)],
      [
        "a JWS with a critical header extension",
        async () => {
          const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims(id("jwt")))))
            .setProtectedHeader({ alg: "HS256", crit: ["urn:example:ext"], "urn:example:ext": true })
            .sign(new TextEncoder().encode(secret("jwt")), { crit: { "urn:example:ext": true } });
          return [withAssertion(jws)];
        },
        () => unauthorized(M.assertionMalformed),
      ],
      ["an unknown client_assertion_type", async () => [{ client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", client_assertion: await hmac(claims(id("jwt")), secret("jwt")) }], () => badRequest(M.assertionTypeInvalid)],
      ["client_assertion without its type", async () => [{ client_assertion: await hmac(claims(id("jwt")), secret("jwt")) }], () => badRequest(M.assertionIncomplete)],
      ["an assertion and a client_secret", async () => [withAssertion(await hmac(claims(id("jwt")), secret("jwt")), { client_id: id("jwt"), client_secret: secret("jwt") })], () => badRequest(M.multipleCredentials)],
    ])("refuses %s", async (_, request, expected) => {
      const [fields, endpoint] = await request();
      expect(await call(fields, {}, endpoint)).toEqual(expected());
    });

    it("refuses an assertion sent with a Basic header (two methods)", async () => {
      const assertion = await hmac(claims(id("jwt")), secret("jwt"));
      expect(await call(withAssertion(assertion), { Authorization: basic(id("jwt"), secret("jwt")) })).toEqual(badRequest(M.multipleCredentials));
    });

    it("lets an assertion expire with the clock", async () => {
      const assertion = await signed(claims(id("pkj"), { exp: seconds() + 30, jti: undefined }), rsa);
      expect(await call(withAssertion(assertion))).toEqual(ok(id("pkj"), "private_key_jwt"));
      f.clock.advance(30_000);
      expect(await call(withAssertion(assertion))).toEqual(unauthorized(M.assertionExpired));
    });

    it("uses a jti once and keeps it until the assertion expires; without jti an assertion may be reused", async () => {
      const payload = claims(id("jwt"));
      const assertion = await hmac(payload, secret("jwt"));
      expect(await call(withAssertion(assertion))).toEqual(ok(id("jwt"), "client_secret_jwt"));
      expect(await call(withAssertion(assertion), {}, "introspect")).toEqual(unauthorized(M.assertionReplayed));
      const row = await f.db.usedAssertion.findUniqueOrThrow({ where: { key: hashToken(`${id("jwt")} ${payload.jti}`) } });
      expect(row.expiresAt.getTime()).toBe(payload.exp! * 1000);

      const pkjAssertion = await signed(claims(id("pkj")), ec, "ES256");
      expect(await call(withAssertion(pkjAssertion))).toEqual(ok(id("pkj"), "private_key_jwt"));
      expect(await call(withAssertion(pkjAssertion))).toEqual(unauthorized(M.assertionReplayed));

      const reusable = await signed(claims(id("pkj"), { jti: undefined }), rsa);
      for (let i = 0; i < 3; i++) expect(await call(withAssertion(reusable))).toEqual(ok(id("pkj"), "private_key_jwt"));
    });

    it("scopes a jti to its client and burns it only when the assertion is otherwise valid", async () => {
      const jti = `shared-${crypto.randomUUID()}`;
      expect(await call(withAssertion(await hmac(claims(id("jwt"), { jti, aud: `${ORG_URL}/elsewhere` }), secret("jwt"))))).toEqual(unauthorized(M.assertionAudience));
      expect(await call(withAssertion(await signed(claims(id("pkj"), { jti }), stranger)))).toEqual(unauthorized(M.assertionSignature));
      expect(await call(withAssertion(await hmac(claims(id("jwt"), { jti }), secret("jwt"))))).toEqual(ok(id("jwt"), "client_secret_jwt"));
      expect(await call(withAssertion(await signed(claims(id("pkj"), { jti }), rsa)))).toEqual(ok(id("pkj"), "private_key_jwt"));
      expect(await call(withAssertion(await hmac(claims(id("jwt"), { jti }), secret("jwt"))))).toEqual(unauthorized(M.assertionReplayed));
    });

    it("refuses a replay on another instance, also when both arrive at once", async () => {
      const other = createDbClient(await databaseUrl(f.db, provider));
      const instanceB: AppContext = { ...app, db: other };
      try {
        const assertion = await hmac(claims(id("jwt")), secret("jwt"));
        expect(await call(withAssertion(assertion))).toEqual(ok(id("jwt"), "client_secret_jwt"));
        expect(await call(withAssertion(assertion), {}, "token", instanceB)).toEqual(unauthorized(M.assertionReplayed));

        const raced = await signed(claims(id("pkj")), rsa);
        const outcomes = await Promise.all([call(withAssertion(raced), {}, "token", app), call(withAssertion(raced), {}, "token", instanceB)]);
        expect(outcomes).toContainEqual(ok(id("pkj"), "private_key_jwt"));
        expect(outcomes).toContainEqual(unauthorized(M.assertionReplayed));
      } finally {
        await other.$disconnect();
      }
    });

    it("signs with any ACTIVE client secret and none other", async () => {
      const appId = id("jwt");
      const old = secret("jwt");
      const added = await f.api("POST", `/api/v1/apps/${appId}/credentials/secrets`, {});
      expect(added.status).toBe(201);
      const fresh = added.body.client_secret as string;
      expect(await call(withAssertion(await hmac(claims(appId), old, "HS512")))).toEqual(ok(appId, "client_secret_jwt"));
      expect(await call(withAssertion(await hmac(claims(appId), fresh, "HS384")))).toEqual(ok(appId, "client_secret_jwt"));
      const oldRow = await f.db.clientSecret.findFirstOrThrow({ where: { appId, id: { not: added.body.id } } });
      expect((await f.api("POST", `/api/v1/apps/${appId}/credentials/secrets/${oldRow.id}/lifecycle/deactivate`)).status).toBe(200);
      expect(await call(withAssertion(await hmac(claims(appId), old)))).toEqual(unauthorized(M.assertionSignature));
      expect(await call(withAssertion(await hmac(claims(appId), fresh)))).toEqual(ok(appId, "client_secret_jwt"));
      clients.jwt.secret = fresh;
    });

    it("costs one App read, one ClientSecret read (client_secret_jwt only) and one insert per jti", async () => {
      const counting = countingDb(f.db);
      const context = { ...app, db: counting.db };
      expect(await call(withAssertion(await hmac(claims(id("jwt")), secret("jwt"))), {}, "token", context)).toEqual(ok(id("jwt"), "client_secret_jwt"));
      expect(counting.queries).toEqual(["App.findUnique", "ClientSecret.findMany", "UsedAssertion.create"]);
      counting.queries.length = 0;
      expect(await call(withAssertion(await signed(claims(id("pkj"), { jti: undefined }), rsa)), {}, "token", context)).toEqual(ok(id("pkj"), "private_key_jwt"));
      expect(counting.queries).toEqual(["App.findUnique"]);
    });

    it("sees new keys as soon as the app's jwks change, and stops accepting removed ones", async () => {
      const res = await f.api("POST", "/api/v1/apps", appBody("Rotating keys", { ...service, jwks: { keys: [rsaA.publicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" }));
      const appId = res.body.id as string;
      const clientId = res.body.credentials.oauthClient.client_id as string;
      expect(await call(withAssertion(await signed(claims(clientId), rsaA)))).toEqual(ok(clientId, "private_key_jwt"));
      expect(await call(withAssertion(await signed(claims(clientId), rsaB)))).toEqual(unauthorized(M.assertionKid));

      f.clock.advance(1000);
      const replaced = await f.api("PUT", `/api/v1/apps/${appId}`, appBody("Rotating keys", { ...service, jwks: { keys: [rsaB.publicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" }));
      expect(replaced.status).toBe(200);
      expect(await call(withAssertion(await signed(claims(clientId), rsaB)))).toEqual(ok(clientId, "private_key_jwt"));
      expect(await call(withAssertion(await signed(claims(clientId), rsaA)))).toEqual(unauthorized(M.assertionKid));
    });
  });
});
