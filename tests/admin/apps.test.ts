import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActiveClient } from "@/lib/apps/load-active-client";
import { loadClientSecrets } from "@/lib/apps/load-client-secret";
import { verifyClientSecret } from "../support/verify-client-secret";
import { decryptSecret } from "@/lib/crypto/decrypt-secret";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { randomToken } from "@/lib/crypto/random-token";
import { newId } from "@/lib/ids/new-id";
import { APP_SECRET, createAdminFixture, ORG_URL, type AdminFixture, type ApiResult } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvent, readLogEvents } from "../support/read-log-events";
import { insertRefreshToken } from "../support/insert-refresh-token";

const secretsKey = deriveKey(APP_SECRET, "secrets-at-rest");
const T0 = "2026-01-15T10:00:00.000Z";
const SECRET = /^[A-Za-z0-9_-]{64}$/;

const rsaKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const rsaPublicJwk = rsaKey.publicKey.export({ format: "jwk" });
const rsaPrivateJwk = rsaKey.privateKey.export({ format: "jwk" });
const ecPublicJwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
const weakRsaJwk = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "jwk" });

type Settings = Record<string, unknown>;

/** A create body in the shape okta-sdk-nodejs sends (section 3 of the SDK contract). */
function appBody(label: string, settings: Settings, credentials: Settings = {}, extra: Settings = {}) {
  return { name: "oidc_client", label, signOnMode: "OPENID_CONNECT", credentials: { oauthClient: credentials }, settings: { oauthClient: settings }, ...extra };
}

const web = (settings: Settings = {}, credentials: Settings = {}) =>
  appBody("Web", { application_type: "web", redirect_uris: ["https://app.example.com/callback"], ...settings }, credentials);

/** The full Okta OpenIdConnectApplication this server answers with. */
function expectedApp(id: string, o: { label: string; status?: string; lastUpdated?: string; clientId?: string; secret?: string; oauthClient: Settings; credentials: Settings }) {
  const base = `${ORG_URL}/api/v1/apps/${id}`;
  const status = o.status ?? "ACTIVE";
  return {
    id,
    name: "oidc_client",
    label: o.label,
    status,
    lastUpdated: o.lastUpdated ?? T0,
    created: T0,
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: { autoLaunch: false, autoSubmitToolbar: false, hide: { iOS: true, web: true }, appLinks: { oidc_client_link: true } },
    features: [],
    signOnMode: "OPENID_CONNECT",
    credentials: {
      userNameTemplate: { template: "${source.login}", type: "BUILT_IN" },
      signing: {},
      oauthClient: { autoKeyRotation: true, client_id: o.clientId ?? id, ...(o.secret ? { client_secret: o.secret } : {}), ...o.credentials },
    },
    settings: {
      app: {},
      notifications: { vpn: { network: { connection: "DISABLED" }, message: null, helpUrl: null } },
      notes: { admin: null, enduser: null },
      oauthClient: {
        client_uri: null,
        logo_uri: null,
        post_logout_redirect_uris: [],
        initiate_login_uri: null,
        consent_method: "TRUSTED",
        issuer_mode: "ORG_URL",
        wildcard_redirect: "DISABLED",
        ...o.oauthClient,
      },
    },
    _links: {
      // the default authentication policy (the migration's fixed id): no app of these tests is assigned to another
      accessPolicy: { href: `${ORG_URL}/api/v1/policies/00pKUfLkoJatyZDaJMYT` },
      appLinks: [],
      groups: { href: `${base}/groups` },
      logo: [],
      users: { href: `${base}/users` },
      ...(status === "ACTIVE" ? { deactivate: { href: `${base}/lifecycle/deactivate` } } : { activate: { href: `${base}/lifecycle/activate` } }),
      self: { href: base },
    },
  };
}

describe.each(testProviders())("OIDC apps API on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  const create = (body: unknown, query = "") => f.api("POST", `/api/v1/apps${query}`, body);

  async function user(login: string) {
    const id = newId("user");
    const now = f.clock.now;
    await f.db.user.create({
      data: { id, status: "ACTIVE", login, loginLower: login.toLowerCase(), email: login, emailLower: login.toLowerCase(), profile: { login, email: login }, created: now, lastUpdated: now },
    });
    return id;
  }

  async function grant(clientId: string, userId: string) {
    await insertRefreshToken(f.db, {
        id: newId("refreshToken"),
        tokenHash: hashToken(randomToken()),
        familyId: randomToken(8),
        authServerId: "default",
        clientId,
        userId,
        scopes: ["openid", "offline_access"],
        status: "ACTIVE",
        decision: {},
        windowEndsAt: new Date(f.clock.now.getTime() + 86_400_000),
        created: f.clock.now,
      });
    await f.db.authorizationCode.create({
      data: {
        codeHash: hashToken(randomToken()),
        authServerId: "default",
        clientId,
        userId,
        redirectUri: "https://app.example.com/callback",
        scopes: ["openid"],
        authTime: f.clock.now,
        decision: {},
        expiresAt: new Date(f.clock.now.getTime() + 60_000),
      },
    });
  }

  const liveGrants = async (clientId: string) =>
    (await f.db.refreshToken.count({ where: { family: { clientId }, status: "ACTIVE" } })) + (await f.db.authorizationCode.count({ where: { clientId } }));

  describe("create", () => {
    it("creates a web app (200) as okta-sdk-nodejs sends it, with a 384-bit secret stored hashed and encrypted", async () => {
      const res = await create(
        appBody(
          "Web App",
          {
            application_type: "web",
            redirect_uris: ["https://app.example.com/callback"],
            post_logout_redirect_uris: ["https://app.example.com/"],
            response_types: ["code"],
            grant_types: ["authorization_code", "refresh_token"],
            consent_method: "TRUSTED",
            issuer_mode: "ORG_URL",
            client_uri: "https://app.example.com",
          },
          { token_endpoint_auth_method: "client_secret_basic", pkce_required: false, autoKeyRotation: true },
        ),
        "?activate=true",
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      const id = res.body.id as string;
      expect(id).toMatch(/^0oa[0-9A-Za-z]{17}$/);
      const secret = res.body.credentials.oauthClient.client_secret as string;
      expect(secret).toMatch(SECRET);
      expect(res.body).toEqual(
        expectedApp(id, {
          label: "Web App",
          secret,
          credentials: { token_endpoint_auth_method: "client_secret_basic", pkce_required: false },
          oauthClient: {
            client_uri: "https://app.example.com",
            redirect_uris: ["https://app.example.com/callback"],
            post_logout_redirect_uris: ["https://app.example.com/"],
            response_types: ["code"],
            grant_types: ["authorization_code", "refresh_token"],
            application_type: "web",
          },
        }),
      );

      const rows = await f.db.clientSecret.findMany({ where: { appId: id } });
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({ id: expect.stringMatching(/^ocs[0-9A-Za-z]{17}$/), status: "ACTIVE", secretHash: hashToken(secret) });
      expect(row.created.toISOString()).toBe(T0);
      expect(row.secretEncrypted).toMatch(/^v1\./);
      expect(decryptSecret(row.secretEncrypted, secretsKey, `client-secret:${row.id}`)).toBe(secret);
      // No plaintext anywhere in the database: app rows, secret rows, the System Log.
      const everything = JSON.stringify([await f.db.app.findMany(), await f.db.clientSecret.findMany(), await readLogEvents(f.db)]);
      expect(everything).not.toContain(secret);

      const app = await f.db.app.findUniqueOrThrow({ where: { id } });
      expect(app).toMatchObject({ clientId: id, applicationType: "web", tokenEndpointAuthMethod: "client_secret_basic", pkceRequired: false, dynamic: false, jwks: null });
      const event = await readLogEvent(f.db, { where: { eventType: "application.lifecycle.create" } });
      expect(event.target).toEqual([{ id, type: "AppInstance", alternateId: "oidc_client", displayName: "Web App" }]);
      expect(event.outcomeResult).toBe("SUCCESS");
    });

    it("creates a browser app (SPA): public, PKCE required, authorization_code only, no secret", async () => {
      const res = await create(appBody("SPA", { application_type: "browser", redirect_uris: ["http://localhost:8080/login/callback"], post_logout_redirect_uris: ["http://localhost:8080"] }));
      expect(res.status).toBe(200);
      const id = res.body.id as string;
      expect(res.body).toEqual(
        expectedApp(id, {
          label: "SPA",
          credentials: { token_endpoint_auth_method: "none", pkce_required: true },
          oauthClient: {
            redirect_uris: ["http://localhost:8080/login/callback"],
            post_logout_redirect_uris: ["http://localhost:8080"],
            response_types: ["code"],
            grant_types: ["authorization_code"],
            application_type: "browser",
          },
        }),
      );
      expect(await f.db.clientSecret.count({ where: { appId: id } })).toBe(0);
    });

    it("creates a native app with a custom scheme and a loopback redirect", async () => {
      const res = await create(
        appBody("Native", { application_type: "native", redirect_uris: ["com.example.app:/oauth2redirect", "http://127.0.0.1/callback"], grant_types: ["authorization_code", "refresh_token"] }),
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expectedApp(res.body.id, {
          label: "Native",
          credentials: { token_endpoint_auth_method: "none", pkce_required: true },
          oauthClient: {
            redirect_uris: ["com.example.app:/oauth2redirect", "http://127.0.0.1/callback"],
            response_types: ["code"],
            grant_types: ["authorization_code", "refresh_token"],
            application_type: "native",
          },
        }),
      );
    });

    it("creates a service app: client_credentials, response type token, confidential", async () => {
      const res = await create(appBody("Service", { application_type: "service" }));
      expect(res.status).toBe(200);
      const secret = res.body.credentials.oauthClient.client_secret as string;
      expect(secret).toMatch(SECRET);
      expect(res.body).toEqual(
        expectedApp(res.body.id, {
          label: "Service",
          secret,
          credentials: { token_endpoint_auth_method: "client_secret_basic", pkce_required: false },
          oauthClient: { redirect_uris: [], response_types: ["token"], grant_types: ["client_credentials"], application_type: "service" },
        }),
      );
    });

    it("creates a private_key_jwt service app: the public JWKs are stored in App.jwks, no secret", async () => {
      const res = await create(
        appBody(
          "Keys",
          { application_type: "service", jwks: { keys: [{ ...rsaPublicJwk, kid: "rsa-1", use: "sig", alg: "RS256" }, { ...ecPublicJwk, kid: "ec-1" }] } },
          { token_endpoint_auth_method: "private_key_jwt" },
        ),
      );
      expect(res.status).toBe(200);
      const jwks = {
        keys: [
          { kty: "RSA", kid: "rsa-1", use: "sig", alg: "RS256", n: rsaPublicJwk.n, e: rsaPublicJwk.e },
          { kty: "EC", kid: "ec-1", crv: "P-256", x: ecPublicJwk.x, y: ecPublicJwk.y },
        ],
      };
      expect(res.body).toEqual(
        expectedApp(res.body.id, {
          label: "Keys",
          credentials: { token_endpoint_auth_method: "private_key_jwt", pkce_required: false },
          oauthClient: { redirect_uris: [], response_types: ["token"], grant_types: ["client_credentials"], application_type: "service", jwks },
        }),
      );
      expect((await f.db.app.findUniqueOrThrow({ where: { id: res.body.id } })).jwks).toEqual(jwks);
      expect(await f.db.clientSecret.count({ where: { appId: res.body.id } })).toBe(0);
    });

    it("keeps display settings, a chosen client_id and a brought secret; shows initiate_login_uri and logo as links", async () => {
      const brought = "a-secret-brought-by-the-caller-0123456789";
      const res = await create(
        {
          name: "oidc_client",
          label: "Custom",
          signOnMode: "OPENID_CONNECT",
          visibility: { hide: { iOS: false, web: false } },
          credentials: { oauthClient: { client_id: "my-web-client", client_secret: brought, token_endpoint_auth_method: "client_secret_post" } },
          settings: {
            notes: { admin: "internal", enduser: null },
            oauthClient: {
              application_type: "web",
              redirect_uris: ["https://c.example.com/cb"],
              initiate_login_uri: "https://c.example.com/login",
              logo_uri: "https://c.example.com/logo.png",
              tos_uri: "https://c.example.com/tos",
            },
          },
        },
        "?activate=false",
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: "INACTIVE",
        visibility: { hide: { iOS: false, web: false }, appLinks: { oidc_client_link: true } },
        credentials: { oauthClient: { client_id: "my-web-client", client_secret: brought, token_endpoint_auth_method: "client_secret_post" } },
        _links: {
          appLinks: [{ name: "oidc_client_link", href: "https://c.example.com/login", type: "text/html" }],
          logo: [{ name: "medium", href: "https://c.example.com/logo.png" }],
          activate: { href: `${ORG_URL}/api/v1/apps/${res.body.id}/lifecycle/activate` },
        },
      });
      expect(res.body.settings.notes).toEqual({ admin: "internal", enduser: null });
      expect(res.body.settings.oauthClient).toMatchObject({ initiate_login_uri: "https://c.example.com/login", logo_uri: "https://c.example.com/logo.png", tos_uri: "https://c.example.com/tos" });
      expect(res.body._links.deactivate).toBeUndefined();
      expect(await verifyClientSecret(f.db, res.body.id, brought)).toBe(true);

      const taken = await create(web({}, { client_id: "my-web-client" }));
      expect(taken.status).toBe(400);
      expect(taken.body.errorCauses).toEqual([{ errorSummary: "credentials.oauthClient.client_id: This client_id is already in use." }]);
      const reused = await create(web({}, { client_secret: brought }));
      expect(reused.status).toBe(400);
      expect(reused.body.errorCauses).toEqual([{ errorSummary: "credentials.oauthClient.client_secret: This client secret cannot be used; choose another one." }]);
    });

    it.each(["yes", "1", ""])("refuses ?activate=%s", async (value) => {
      const res = await create(web(), `?activate=${value}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: activate" });
    });
  });

  // [case, body, errorSummary field, one expected cause]
  const o = "settings.oauthClient";
  const c = "credentials.oauthClient";
  const browser = (settings: Settings = {}, credentials: Settings = {}) =>
    appBody("Browser", { application_type: "browser", redirect_uris: ["https://spa.example.com/cb"], ...settings }, credentials);
  const native = (settings: Settings = {}, credentials: Settings = {}) =>
    appBody("Native", { application_type: "native", redirect_uris: ["com.example.app:/cb"], ...settings }, credentials);
  const service = (settings: Settings = {}, credentials: Settings = {}) => appBody("Service", { application_type: "service", ...settings }, credentials);
  const https = "must use https; http is allowed only for localhost and loopback addresses.";
  const rules: Array<[string, unknown, string, string]> = [
    // The app object
    ["no name", { label: "x", settings: { oauthClient: { application_type: "web" } } }, "name", "name: The field cannot be left blank."],
    ["a SAML app", { ...web(), name: "bookmark" }, "name", "name: Only OpenID Connect applications (name oidc_client) are supported."],
    ["another sign-on mode", { ...web(), signOnMode: "SAML_2_0" }, "signOnMode", "signOnMode: Only OPENID_CONNECT is supported."],
    ["no label", { ...web(), label: "  " }, "label", "label: The field cannot be left blank."],
    ["settings that are not an object", { ...web(), settings: { oauthClient: "web" } }, "settings.oauthClient", "settings.oauthClient: Must be a JSON object."],
    ["an unknown application type", web({ application_type: "spa" }), `${o}.application_type`, `${o}.application_type: Must be one of web, browser, native, service.`],
    ["a custom issuer mode", web({ issuer_mode: "CUSTOM_URL" }), `${o}.issuer_mode`, `${o}.issuer_mode: Only ORG_URL is supported.`],
    ["an unknown consent method", web({ consent_method: "MAYBE" }), `${o}.consent_method`, `${o}.consent_method: Must be one of REQUIRED, TRUSTED.`],
    ["a malformed client_id", web({}, { client_id: "has space" }), `${c}.client_id`, `${c}.client_id: Use 1 to 100 letters, digits, '.', '_', '~' or '-'.`],
    ["a short brought secret", web({}, { client_secret: "short" }), `${c}.client_secret`, `${c}.client_secret: A client secret must be 32 to 256 printable ASCII characters, without spaces.`],
    // Redirect URIs
    ["http redirect on a public host", web({ redirect_uris: ["http://app.example.com/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'http://app.example.com/cb' ${https}`],
    ["http on a host that only starts with localhost", browser({ redirect_uris: ["http://localhost.evil.example/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'http://localhost.evil.example/cb' ${https}`],
    ["a fragment", web({ redirect_uris: ["https://app.example.com/cb#top"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'https://app.example.com/cb#top' must not contain a fragment (#).`],
    ["a relative URI", web({ redirect_uris: ["/callback"] }), `${o}.redirect_uris`, `${o}.redirect_uris: '/callback' is not an absolute URI.`],
    ["https without //", web({ redirect_uris: ["https:app.example.com/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'https:app.example.com/cb' is not an absolute URI.`],
    ["credentials in the URI", web({ redirect_uris: ["https://u:p@app.example.com/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'https://u:p@app.example.com/cb' must not contain user credentials.`],
    ["a wildcard", web({ redirect_uris: ["https://*.example.com/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'https://*.example.com/cb' contains a wildcard; wildcards are not supported.`],
    ["a custom scheme for a web app", web({ redirect_uris: ["com.example.app:/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'com.example.app:/cb' uses a custom scheme; custom schemes are allowed only for native applications.`],
    ["a custom scheme for a browser app", browser({ redirect_uris: ["myapp://cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'myapp://cb' uses a custom scheme; custom schemes are allowed only for native applications.`],
    ["a javascript: URI for a native app", native({ redirect_uris: ["javascript:alert(1)"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'javascript:alert(1)' uses the 'javascript' scheme, which is not allowed.`],
    ["a repeated redirect URI", web({ redirect_uris: ["https://a.example/cb", "https://a.example/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: 'https://a.example/cb' is listed more than once.`],
    ["redirect URIs that are not strings", web({ redirect_uris: "https://a.example/cb" }), `${o}.redirect_uris`, `${o}.redirect_uris: Must be an array of strings.`],
    ["no redirect URI for a web app", web({ redirect_uris: [] }), `${o}.redirect_uris`, `${o}.redirect_uris: At least one redirect URI is required for the authorization_code and implicit grants.`],
    ["no redirect URI for a native app", native({ redirect_uris: undefined }), `${o}.redirect_uris`, `${o}.redirect_uris: At least one redirect URI is required for the authorization_code and implicit grants.`],
    ["no redirect URI for an implicit browser app", browser({ redirect_uris: null, grant_types: ["implicit"] }), `${o}.redirect_uris`, `${o}.redirect_uris: At least one redirect URI is required for the authorization_code and implicit grants.`],
    ["redirect URIs on a service app", service({ redirect_uris: ["https://a.example/cb"] }), `${o}.redirect_uris`, `${o}.redirect_uris: Service applications cannot have redirect URIs.`],
    ["an http post-logout URI", web({ post_logout_redirect_uris: ["http://app.example.com/"] }), `${o}.post_logout_redirect_uris`, `${o}.post_logout_redirect_uris: 'http://app.example.com/' ${https}`],
    ["a custom-scheme post-logout URI for a web app", web({ post_logout_redirect_uris: ["myapp://bye"] }), `${o}.post_logout_redirect_uris`, `${o}.post_logout_redirect_uris: 'myapp://bye' uses a custom scheme; custom schemes are allowed only for native applications.`],
    ["an http initiate_login_uri", web({ initiate_login_uri: "http://app.example.com/login" }), `${o}.initiate_login_uri`, `${o}.initiate_login_uri: 'http://app.example.com/login' ${https}`],
    ["a client_uri that is not http(s)", web({ client_uri: "ftp://app.example.com" }), `${o}.client_uri`, `${o}.client_uri: 'ftp://app.example.com' must be an absolute http or https URL.`],
    // Grant types and response types
    ["a device grant", web({ grant_types: ["authorization_code", "urn:ietf:params:oauth:grant-type:device_code"] }), `${o}.grant_types`, `${o}.grant_types: 'urn:ietf:params:oauth:grant-type:device_code' is not a supported grant type. Supported: authorization_code, implicit, refresh_token, password, client_credentials.`],
    ["a token-exchange grant", native({ grant_types: ["authorization_code", "urn:ietf:params:oauth:grant-type:token-exchange"] }), `${o}.grant_types`, `${o}.grant_types: 'urn:ietf:params:oauth:grant-type:token-exchange' is not a supported grant type. Supported: authorization_code, implicit, refresh_token, password, client_credentials.`],
    ["no grant type", web({ grant_types: [] }), `${o}.grant_types`, `${o}.grant_types: At least one grant type is required.`],
    ["authorization_code on a service app", service({ grant_types: ["client_credentials", "authorization_code"] }), `${o}.grant_types`, `${o}.grant_types: Service applications support only the client_credentials grant.`],
    ["client_credentials on a browser app", browser({ grant_types: ["authorization_code", "client_credentials"] }), `${o}.grant_types`, `${o}.grant_types: Browser applications cannot use the client_credentials grant.`],
    ["password on a browser app", browser({ grant_types: ["authorization_code", "password"] }), `${o}.grant_types`, `${o}.grant_types: Browser applications cannot use the password grant.`],
    ["client_credentials on a native app", native({ grant_types: ["authorization_code", "client_credentials"] }), `${o}.grant_types`, `${o}.grant_types: Native applications cannot use the client_credentials grant.`],
    ["a web app without authorization_code", web({ grant_types: ["implicit"], response_types: ["id_token"] }), `${o}.grant_types`, `${o}.grant_types: Web applications must include the authorization_code grant.`],
    ["a native app with password only", native({ grant_types: ["password"] }), `${o}.grant_types`, `${o}.grant_types: Native applications must include the authorization_code grant.`],
    ["a browser app with refresh_token only", browser({ grant_types: ["refresh_token"] }), `${o}.grant_types`, `${o}.grant_types: Browser applications must include the authorization_code or implicit grant.`],
    ["refresh_token with implicit only", browser({ grant_types: ["implicit", "refresh_token"], response_types: ["id_token"] }), `${o}.grant_types`, `${o}.grant_types: The refresh_token grant requires the authorization_code or password grant.`],
    ["an unknown response type", web({ response_types: ["code id_token"] }), `${o}.response_types`, `${o}.response_types: 'code id_token' is not a supported response type. Supported: code, token, id_token.`],
    ["token without the implicit grant", web({ response_types: ["code", "token"] }), `${o}.response_types`, `${o}.response_types: The 'token' response type requires the implicit grant, which must be listed in grant_types.`],
    ["id_token without implicit (never defaulted)", browser({ response_types: ["code", "id_token"] }), `${o}.response_types`, `${o}.response_types: The 'id_token' response type requires the implicit grant, which must be listed in grant_types.`],
    ["authorization_code without code", web({ grant_types: ["authorization_code", "implicit"], response_types: ["token"] }), `${o}.response_types`, `${o}.response_types: The authorization_code grant requires the 'code' response type.`],
    ["implicit without token or id_token", browser({ grant_types: ["authorization_code", "implicit"], response_types: ["code"] }), `${o}.response_types`, `${o}.response_types: The implicit grant requires the 'token' or 'id_token' response type.`],
    ["code on a service app", service({ response_types: ["code"] }), `${o}.response_types`, `${o}.response_types: Service applications support only the 'token' response type.`],
    // Client authentication, PKCE, keys
    ["an unknown auth method", web({}, { token_endpoint_auth_method: "tls_client_auth" }), `${c}.token_endpoint_auth_method`, `${c}.token_endpoint_auth_method: Must be one of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none.`],
    ["a confidential browser app", browser({}, { token_endpoint_auth_method: "client_secret_basic" }), `${c}.token_endpoint_auth_method`, `${c}.token_endpoint_auth_method: Browser applications are public clients: token_endpoint_auth_method must be none.`],
    ["a public web app", web({}, { token_endpoint_auth_method: "none" }), `${c}.token_endpoint_auth_method`, `${c}.token_endpoint_auth_method: Web applications are confidential clients: token_endpoint_auth_method cannot be none.`],
    ["a public service app", service({}, { token_endpoint_auth_method: "none" }), `${c}.token_endpoint_auth_method`, `${c}.token_endpoint_auth_method: Service applications are confidential clients: token_endpoint_auth_method cannot be none.`],
    ["a browser app without PKCE", browser({}, { pkce_required: false }), `${c}.pkce_required`, `${c}.pkce_required: Public clients (token_endpoint_auth_method none) must use PKCE: pkce_required must be true.`],
    ["a public native app without PKCE", native({}, { token_endpoint_auth_method: "none", pkce_required: false }), `${c}.pkce_required`, `${c}.pkce_required: Public clients (token_endpoint_auth_method none) must use PKCE: pkce_required must be true.`],
    ["pkce_required that is not a boolean", web({}, { pkce_required: "true" }), `${c}.pkce_required`, `${c}.pkce_required: Must be true or false.`],
    ["private_key_jwt without keys", service({}, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks`, `${o}.jwks: The private_key_jwt method requires the client's public keys in jwks.`],
    ["a jwks_uri", service({ jwks_uri: "https://keys.example.com/jwks" }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks_uri`, `${o}.jwks_uri: jwks_uri is not supported; register the public keys in jwks.`],
    ["a private key in jwks", service({ jwks: { keys: [{ ...rsaPrivateJwk, kid: "k1" }] } }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks.keys.0`, `${o}.jwks.keys.0: The private key member 'd' is not allowed; register public keys only.`],
    ["a symmetric key in jwks", service({ jwks: { keys: [{ kty: "oct", k: "c2VjcmV0", kid: "k1" }] } }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks.keys.0`, `${o}.jwks.keys.0: The private key member 'k' is not allowed; register public keys only.`],
    ["a key without kid", service({ jwks: { keys: [rsaPublicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks.keys.0`, `${o}.jwks.keys.0: kid is required (a string of at most 256 characters).`],
    ["a 1024-bit RSA key", service({ jwks: { keys: [{ ...weakRsaJwk, kid: "k1" }] } }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks.keys.0`, `${o}.jwks.keys.0: RSA keys must be at least 2048 bits.`],
    ["two keys with one kid", service({ jwks: { keys: [{ ...rsaPublicJwk, kid: "k1" }, { ...ecPublicJwk, kid: "k1" }] } }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks.keys.1`, `${o}.jwks.keys.1: The kid 'k1' is used by another key.`],
    ["jwks that is not a key set", service({ jwks: [rsaPublicJwk] }, { token_endpoint_auth_method: "private_key_jwt" }), `${o}.jwks`, `${o}.jwks: Must be a JSON Web Key Set: {"keys": [...]}.`],
  ];

  it.each(rules)("refuses %s with 400 E0000001 naming the field, and creates nothing", async (_, body, field, cause) => {
    const before = await f.db.app.count();
    const secretsBefore = await f.db.clientSecret.count();
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001" });
    expect(res.body.errorCauses).toContainEqual({ errorSummary: cause });
    expect(await f.db.app.count()).toBe(before);
    expect(await f.db.clientSecret.count()).toBe(secretsBefore);
  });

  it.each<[string, unknown]>([
    ["http on localhost", web({ redirect_uris: ["http://localhost:3000/callback"] })],
    ["http on 127.0.0.1", browser({ redirect_uris: ["http://127.0.0.1:8080/cb"] })],
    ["http on [::1]", web({ redirect_uris: ["http://[::1]:3000/cb"] })],
    ["a reverse-domain custom scheme for a native app", native({ redirect_uris: ["com.example.app:/oauth2redirect"] })],
    ["a custom-scheme post-logout URI for a native app", native({ post_logout_redirect_uris: ["com.example.app:/logout"] })],
    ["implicit listed explicitly", browser({ grant_types: ["implicit"], response_types: ["id_token", "token"] })],
    ["password listed explicitly on a native app", native({ grant_types: ["authorization_code", "password", "refresh_token"] })],
    ["client_credentials next to authorization_code on a web app", web({ grant_types: ["authorization_code", "client_credentials"] })],
    ["a confidential native app", native({}, { token_endpoint_auth_method: "client_secret_post" })],
    ["client_secret_jwt", web({}, { token_endpoint_auth_method: "client_secret_jwt" })],
    ["consent REQUIRED", web({ consent_method: "REQUIRED" })],
  ])("accepts %s", async (_, body) => {
    const res = await create(body);
    expect(res.status).toBe(200);
  });

  it("gets an app with its newest ACTIVE secret, and 404s an unknown one", async () => {
    const created = await create(web());
    const res = await f.api("GET", `/api/v1/apps/${created.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created.body);
    const missing = await f.api("GET", "/api/v1/apps/0oaNoSuchApp00000000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 0oaNoSuchApp00000000 (AppInstance)", errorCauses: [] });
  });

  it("lists by id with q (label or name prefix), filter and an absolute Link rel=next", async () => {
    const ids: string[] = [];
    for (const label of ["Paged One", "Paged Two", "Paged Three"]) ids.push((await create(appBody(label, { application_type: "service" }))).body.id);
    await f.api("POST", `/api/v1/apps/${ids[1]}/lifecycle/deactivate`);
    const seen: string[] = [];
    let path: string | null = "/api/v1/apps?q=paged&limit=2";
    let pages = 0;
    while (path) {
      const res = await f.api("GET", path);
      expect(res.status).toBe(200);
      pages += 1;
      seen.push(...res.body.map((app: { id: string }) => app.id));
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
      if (next) expect(next.startsWith(`${ORG_URL}/api/v1/apps?q=paged&limit=2&after=`)).toBe(true);
      path = next ? next.slice(ORG_URL.length) : null;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual([...ids].sort());
    const inactive = await f.api("GET", `/api/v1/apps?q=PAGED&filter=${encodeURIComponent('status eq "INACTIVE" and name eq "oidc_client"')}`);
    expect(inactive.body.map((app: { id: string }) => app.id)).toEqual([ids[1]]);
    expect(inactive.body[0].credentials.oauthClient.client_secret).toMatch(SECRET);
    const byName = await f.api("GET", `/api/v1/apps?filter=${encodeURIComponent('name eq "bookmark"')}`);
    expect(byName.body).toEqual([]);
    // a value may hold " and ": the filter is parsed, not split
    const quoted = await f.api("GET", `/api/v1/apps?filter=${encodeURIComponent('(name eq "oidc_client and more") and status eq "ACTIVE"')}`);
    expect([quoted.status, quoted.body]).toEqual([200, []]);
    const all = await f.api("GET", "/api/v1/apps?q=oidc&limit=200");
    expect(all.body.length).toBe(await f.db.app.count());
    for (const filter of ['status eq "GONE"', "label sw \"x\"", 'status eq "ACTIVE" or name eq "x"']) {
      const bad = await f.api("GET", `/api/v1/apps?filter=${encodeURIComponent(filter)}`);
      expect(bad.status).toBe(400);
      expect(bad.body.errorSummary).toBe("Api validation failed: filter");
    }
  });

  describe("replace (PUT)", () => {
    it("replaces the registration, moves lastUpdated and revokes the client's refresh tokens and codes", async () => {
      const created = await create(web({ grant_types: ["authorization_code", "refresh_token"] }));
      const id = created.body.id as string;
      const userId = await user("put-user@example.com");
      await grant(id, userId);
      f.clock.advance(60_000);
      const at = f.clock.now.toISOString();
      const res = await f.api("PUT", `/api/v1/apps/${id}`, {
        ...created.body,
        label: "Web (renamed)",
        settings: { oauthClient: { ...created.body.settings.oauthClient, redirect_uris: ["https://app.example.com/new-callback"] } },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ label: "Web (renamed)", lastUpdated: at, created: created.body.created });
      expect(res.body.settings.oauthClient.redirect_uris).toEqual(["https://app.example.com/new-callback"]);
      expect(res.body.credentials.oauthClient.client_secret).toBe(created.body.credentials.oauthClient.client_secret);
      expect(await liveGrants(id)).toBe(0);
      expect(await f.db.refreshToken.findFirstOrThrow({ where: { family: { clientId: id } } })).toMatchObject({ status: "REVOKED", revoked: new Date(at) });
      const event = await readLogEvent(f.db, { where: { eventType: "application.lifecycle.update" }, orderBy: { published: "desc" } });
      expect(event.target).toEqual([{ id, type: "AppInstance", alternateId: "oidc_client", displayName: "Web (renamed)" }]);
    });

    it("changes nothing when the app object is echoed back unchanged (the SDK's get-modify-put)", async () => {
      const created = await create(web({ grant_types: ["authorization_code", "refresh_token"], post_logout_redirect_uris: ["https://app.example.com/"] }));
      const id = created.body.id as string;
      await grant(id, await user("echo-user@example.com"));
      const events = await f.db.systemLogEvent.count();
      f.clock.advance(60_000);
      const res = await f.api("PUT", `/api/v1/apps/${id}`, created.body);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created.body);
      expect(await liveGrants(id)).toBe(2);
      expect(await f.db.systemLogEvent.count()).toBe(events);
    });

    it.each<[string, (body: ApiResult["body"]) => unknown, string, string]>([
      ["a changed application type", (b) => ({ ...b, settings: { oauthClient: { ...b.settings.oauthClient, application_type: "native" } }, credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } } }), "settings.oauthClient.application_type", "settings.oauthClient.application_type: The application type cannot be changed (it is web); create a new application instead."],
      ["a changed client_id", (b) => ({ ...b, credentials: { oauthClient: { ...b.credentials.oauthClient, client_id: "another-id" } } }), "credentials.oauthClient.client_id", "credentials.oauthClient.client_id: The client_id of an application cannot be changed."],
      ["an invalid redirect URI", (b) => ({ ...b, settings: { oauthClient: { ...b.settings.oauthClient, redirect_uris: ["http://evil.example.com/cb"] } } }), "settings.oauthClient.redirect_uris", `settings.oauthClient.redirect_uris: 'http://evil.example.com/cb' ${https}`],
    ])("refuses %s and changes nothing", async (_, change, field, cause) => {
      const created = await create(web({ grant_types: ["authorization_code", "refresh_token"] }));
      const id = created.body.id as string;
      await grant(id, await user(`refused-${randomToken(4)}@example.com`));
      const res = await f.api("PUT", `/api/v1/apps/${id}`, change(created.body));
      expect(res.status).toBe(400);
      expect(res.body.errorSummary).toBe(`Api validation failed: ${field}`);
      expect(res.body.errorCauses).toContainEqual({ errorSummary: cause });
      expect((await f.api("GET", `/api/v1/apps/${id}`)).body).toEqual(created.body);
      expect(await liveGrants(id)).toBe(2);
    });

    it("drops the secrets when switching to private_key_jwt, generates one when switching back, replaces it with a brought one", async () => {
      const created = await create(web());
      const id = created.body.id as string;
      const first = created.body.credentials.oauthClient.client_secret as string;
      const toKeys = await f.api("PUT", `/api/v1/apps/${id}`, web({ jwks: { keys: [{ ...ecPublicJwk, kid: "ec" }] } }, { token_endpoint_auth_method: "private_key_jwt" }));
      expect(toKeys.status).toBe(200);
      expect(toKeys.body.credentials.oauthClient).toEqual({ autoKeyRotation: true, client_id: id, token_endpoint_auth_method: "private_key_jwt", pkce_required: false });
      expect(await f.db.clientSecret.count({ where: { appId: id } })).toBe(0);
      expect(await verifyClientSecret(f.db, id, first)).toBe(false);

      const back = await f.api("PUT", `/api/v1/apps/${id}`, web());
      const second = back.body.credentials.oauthClient.client_secret as string;
      expect(second).toMatch(SECRET);
      expect(second).not.toBe(first);
      expect((await f.db.app.findUniqueOrThrow({ where: { id } })).jwks).toBeNull();

      const brought = "brought-on-put-0123456789abcdefghijklmnop";
      const replaced = await f.api("PUT", `/api/v1/apps/${id}`, web({}, { client_secret: brought }));
      expect(replaced.body.credentials.oauthClient.client_secret).toBe(brought);
      expect(await verifyClientSecret(f.db, id, second)).toBe(false);
      expect(await verifyClientSecret(f.db, id, brought)).toBe(true);
    });
  });

  describe("lifecycle and delete", () => {
    it("deactivates (200 {}) revoking refresh tokens and codes, then activates; the token service sees only ACTIVE clients", async () => {
      const created = await create(web({ grant_types: ["authorization_code", "refresh_token"] }));
      const id = created.body.id as string;
      await grant(id, await user("life@example.com"));
      const otherApp = (await create(web())).body.id as string;
      await grant(otherApp, await user("other-life@example.com"));
      expect(await loadActiveClient(f.db, id)).toMatchObject({ appId: id, clientId: id, isConfidential: true, usesClientSecret: true, redirectUris: ["https://app.example.com/callback"] });
      f.clock.advance(1000);
      const at = f.clock.now.toISOString();
      const deactivations = () => f.db.systemLogEvent.count({ where: { eventType: "application.lifecycle.deactivate" } });
      const before = await deactivations();
      const off = await f.api("POST", `/api/v1/apps/${id}/lifecycle/deactivate`);
      expect(off.status).toBe(200);
      expect(off.body).toEqual({});
      expect(await liveGrants(id)).toBe(0);
      expect(await liveGrants(otherApp)).toBe(2);
      expect(await loadActiveClient(f.db, id)).toBeNull();
      const inactive = await f.api("GET", `/api/v1/apps/${id}`);
      expect(inactive.body).toMatchObject({ status: "INACTIVE", lastUpdated: at });
      expect(inactive.body._links.activate.href).toBe(`${ORG_URL}/api/v1/apps/${id}/lifecycle/activate`);
      expect(await deactivations()).toBe(before + 1);
      expect((await f.api("POST", `/api/v1/apps/${id}/lifecycle/deactivate`)).status).toBe(200);
      expect(await deactivations()).toBe(before + 1);
      const on = await f.api("POST", `/api/v1/apps/${id}/lifecycle/activate`);
      expect(on.status).toBe(200);
      expect(on.body).toEqual({});
      expect((await f.api("GET", `/api/v1/apps/${id}`)).body.status).toBe("ACTIVE");
      expect(await loadActiveClient(f.db, id)).not.toBeNull();
      expect((await f.api("POST", "/api/v1/apps/0oaNoSuchApp00000000/lifecycle/activate")).status).toBe(404);
    });

    it("refuses to delete an ACTIVE app (E0000056); deletes an INACTIVE one (204) with its secrets, tokens and consents", async () => {
      const created = await create(web({ grant_types: ["authorization_code", "refresh_token"] }));
      const id = created.body.id as string;
      const userId = await user("doomed@example.com");
      await grant(id, userId);
      await f.db.consentGrant.create({ data: { id: newId("consentGrant"), userId, clientId: id, authServerId: "default", scope: "openid", created: f.clock.now, lastUpdated: f.clock.now } });
      const refused = await f.api("DELETE", `/api/v1/apps/${id}`);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errorCode: "E0000056", errorSummary: "Delete application forbidden.", errorLink: "E0000056" });
      expect(await f.db.app.count({ where: { id } })).toBe(1);
      expect(await liveGrants(id)).toBe(2);

      await f.api("POST", `/api/v1/apps/${id}/lifecycle/deactivate`);
      await grant(id, userId);
      const res = await f.api("DELETE", `/api/v1/apps/${id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(await f.db.app.count({ where: { id } })).toBe(0);
      expect(await f.db.clientSecret.count({ where: { appId: id } })).toBe(0);
      expect(await liveGrants(id)).toBe(0);
      expect(await f.db.consentGrant.count({ where: { clientId: id } })).toBe(0);
      const deleted = await readLogEvent(f.db, { where: { eventType: "application.lifecycle.delete" }, orderBy: { published: "desc" } });
      expect(deleted.target).toEqual([{ id, type: "AppInstance", alternateId: "oidc_client", displayName: "Web" }]);
      expect((await f.api("DELETE", `/api/v1/apps/${id}`)).status).toBe(404);
    });

    it("answers 405 E0000022 for methods the apps routes do not have", async () => {
      const res = await f.api("PATCH", "/api/v1/apps", {});
      expect(res.status).toBe(405);
      expect(res.body.errorCode).toBe("E0000022");
      expect(res.headers.get("allow")).toBe("GET, POST");
    });
  });

  describe("client secrets", () => {
    const secrets = (appId: string) => `/api/v1/apps/${appId}/credentials/secrets`;

    it("rotates: at most two secrets, the old one works until deactivated, only INACTIVE ones can be deleted", async () => {
      const t0 = f.clock.now.toISOString();
      const created = await create(web());
      const id = created.body.id as string;
      const first = created.body.credentials.oauthClient.client_secret as string;
      const initial = await f.api("GET", secrets(id));
      expect(initial.status).toBe(200);
      const firstRow = await f.db.clientSecret.findFirstOrThrow({ where: { appId: id } });
      const fingerprint = Buffer.from(hashToken(first), "hex").subarray(0, 16).toString("base64url");
      expect(initial.body).toEqual([
        {
          id: firstRow.id,
          status: "ACTIVE",
          client_secret: `${first.slice(0, 6)}......${first.slice(-4)}`,
          secret_hash: fingerprint,
          created: t0,
          lastUpdated: t0,
          _links: { deactivate: { href: `${ORG_URL}${secrets(id)}/${firstRow.id}/lifecycle/deactivate`, hints: { allow: ["POST"] } } },
        },
      ]);

      f.clock.advance(1000);
      const t1 = f.clock.now.toISOString();
      const added = await f.api("POST", secrets(id), {});
      expect(added.status).toBe(201);
      const second = added.body.client_secret as string;
      expect(second).toMatch(SECRET);
      expect(added.body).toMatchObject({ id: expect.stringMatching(/^ocs/), status: "ACTIVE", created: t1 });
      expect(await verifyClientSecret(f.db, id, first)).toBe(true);
      expect(await verifyClientSecret(f.db, id, second)).toBe(true);
      expect(await loadClientSecrets(f.db, secretsKey, id)).toEqual([second, first]);
      expect((await f.api("GET", `/api/v1/apps/${id}`)).body.credentials.oauthClient.client_secret).toBe(second);

      const third = await f.api("POST", secrets(id));
      expect(third.status).toBe(400);
      expect(third.body.errorCauses).toEqual([{ errorSummary: "client_secret: An application can have at most 2 client secrets; delete an INACTIVE one first." }]);
      expect(await f.db.clientSecret.count({ where: { appId: id } })).toBe(2);

      const activeDelete = await f.api("DELETE", `${secrets(id)}/${firstRow.id}`);
      expect(activeDelete.status).toBe(400);
      expect(activeDelete.body.errorCauses).toEqual([{ errorSummary: "client_secret: Only an INACTIVE client secret can be deleted; deactivate it first." }]);

      const off = await f.api("POST", `${secrets(id)}/${firstRow.id}/lifecycle/deactivate`);
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id: firstRow.id, status: "INACTIVE", client_secret: `${first.slice(0, 6)}......${first.slice(-4)}`, lastUpdated: t1 });
      expect(off.body._links).toEqual({
        activate: { href: `${ORG_URL}${secrets(id)}/${firstRow.id}/lifecycle/activate`, hints: { allow: ["POST"] } },
        delete: { href: `${ORG_URL}${secrets(id)}/${firstRow.id}`, hints: { allow: ["DELETE"] } },
      });
      expect(await verifyClientSecret(f.db, id, first)).toBe(false);
      expect(await verifyClientSecret(f.db, id, second)).toBe(true);
      expect(await loadClientSecrets(f.db, secretsKey, id)).toEqual([second]);

      const lastOne = await f.api("POST", `${secrets(id)}/${added.body.id}/lifecycle/deactivate`);
      expect(lastOne.status).toBe(400);
      expect(lastOne.body.errorCauses).toEqual([{ errorSummary: "client_secret: The last ACTIVE client secret of an application cannot be deactivated; create a new one first." }]);
      expect(await verifyClientSecret(f.db, id, second)).toBe(true);

      const again = await f.api("POST", `${secrets(id)}/${firstRow.id}/lifecycle/activate`);
      expect(again.body.status).toBe("ACTIVE");
      expect(await verifyClientSecret(f.db, id, first)).toBe(true);
      await f.api("POST", `${secrets(id)}/${firstRow.id}/lifecycle/deactivate`);

      const gone = await f.api("DELETE", `${secrets(id)}/${firstRow.id}`);
      expect(gone.status).toBe(204);
      expect(gone.text).toBe("");
      expect((await f.api("GET", `${secrets(id)}/${firstRow.id}`)).status).toBe(404);
      const listed = await f.api("GET", secrets(id));
      expect(listed.body.map((s: { id: string }) => s.id)).toEqual([added.body.id]);
      expect((await f.api("GET", `${secrets(id)}/${added.body.id}`)).body.client_secret).toBe(`${second.slice(0, 6)}......${second.slice(-4)}`);
      const changes = (await readLogEvents(f.db, { where: { eventType: "application.lifecycle.update" } }))
        .map((event) => (event.debugContext as { debugData: { clientSecretChange?: string; clientSecretId?: string } }).debugData)
        .filter((data) => data.clientSecretId === firstRow.id)
        .map((data) => data.clientSecretChange);
      expect(changes).toEqual(["deactivate", "activate", "deactivate", "delete"]);
    });

    it("takes a brought secret or an INACTIVE one; refuses secrets for apps without them and ids of other apps", async () => {
      const id = (await create(web())).body.id as string;
      const brought = "rotation-secret-brought-0123456789abcdefgh";
      const res = await f.api("POST", secrets(id), { client_secret: brought, status: "INACTIVE" });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: "INACTIVE", client_secret: brought });
      expect(await verifyClientSecret(f.db, id, brought)).toBe(false);
      await f.api("POST", `${secrets(id)}/${res.body.id}/lifecycle/activate`);
      expect(await verifyClientSecret(f.db, id, brought)).toBe(true);

      const short = await f.api("POST", secrets(id), { client_secret: "too-short" });
      expect(short.status).toBe(400);
      expect(short.body.errorCauses).toEqual([{ errorSummary: "client_secret: A client secret must be 32 to 256 printable ASCII characters, without spaces." }]);

      const spa = (await create(browser())).body.id as string;
      const none = await f.api("POST", secrets(spa));
      expect(none.status).toBe(400);
      expect(none.body.errorCauses).toEqual([{ errorSummary: "client_secret: This application authenticates with none; it has no client secrets." }]);
      expect((await f.api("GET", secrets(spa))).body).toEqual([]);

      const otherApp = (await create(web())).body.id as string;
      const foreign = await f.api("GET", `${secrets(otherApp)}/${res.body.id}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.errorCode).toBe("E0000007");
      expect((await f.api("GET", secrets("0oaNoSuchApp00000000"))).status).toBe(404);
    });

    it("verifyClientSecret: true only for an ACTIVE secret of that very app", async () => {
      const a = await create(web());
      const b = await create(web());
      const secretA = a.body.credentials.oauthClient.client_secret as string;
      expect(await verifyClientSecret(f.db, a.body.id, secretA)).toBe(true);
      expect(await verifyClientSecret(f.db, b.body.id, secretA)).toBe(false);
      expect(await verifyClientSecret(f.db, a.body.id, `${secretA}x`)).toBe(false);
      expect(await verifyClientSecret(f.db, a.body.id, secretA.slice(0, -1))).toBe(false);
      expect(await verifyClientSecret(f.db, a.body.id, "")).toBe(false);
      expect(await verifyClientSecret(f.db, a.body.id, "x".repeat(5000))).toBe(false);
      expect(await verifyClientSecret(f.db, "0oaNoSuchApp00000000", secretA)).toBe(false);
    });
  });
});
