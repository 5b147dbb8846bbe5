import { randomBytes } from "node:crypto";
import { format } from "node:util";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { pendingFormToken } from "@/lib/hosted/hosted-form-token";
import { JWT_BEARER_ASSERTION_TYPE } from "@/lib/oauth/client-auth/read-client-credentials";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { APP_SECRET, ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, type AuthorizeFixture } from "./authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const KEY = deriveKey(APP_SECRET, "secrets-at-rest");
const TOKEN_URL = `${ORG_URL}/oauth2/default/v1/token`;

/**
 * Issue 14 item 11: no password or token value submitted in a refused request reaches the System
 * Log (every field of every event, read through GET /api/v1/logs) or the process's output
 * (console.* and direct writes to stdout/stderr, captured around the requests).
 */
describe.each(testProviders())("refused requests leave no submitted secret in the System Log or the output, on %s", (provider) => {
  let a: AuthorizeFixture;
  let spa: TestApp;
  let web: TestApp;
  let native: TestApp;
  let jwtApp: TestApp;
  let alice: TestUser;
  const secrets: string[] = [];
  /** A fresh secret-looking value, remembered for the final search. */
  const secret = (what: string) => {
    const value = `Sekrit-${what}-${randomBytes(9).toString("base64url")}`;
    secrets.push(value);
    return value;
  };
  const basic = (clientId: string, clientSecret: string) => ({ Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` });
  const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => a.post(url, fields, undefined, headers);
  const authn = (username: string, password: string) =>
    callRoute(new Request(`${ORG_URL}/api/v1/authn`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ username, password }) }));

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    spa = await a.app("Secret Spa", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"] }, { token_endpoint_auth_method: "none" });
    web = await a.app("Secret Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token", "password"] });
    native = await a.app("Secret Native", { application_type: "native", redirect_uris: ["com.example.secret:/cb"], grant_types: ["authorization_code", "password"] }, { token_endpoint_auth_method: "none" });
    jwtApp = await a.app("Secret JWT", { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] }, { token_endpoint_auth_method: "client_secret_jwt" });
    alice = await a.user("Alice");
    for (const app of [spa, web, native]) await a.assign(app.appId, alice.id);
  });
  afterAll(() => a.f.close());

  it("sign-in, token, introspection, revocation and admin refusals", async () => {
    const output: string[] = [];
    const spies = [
      ...(["log", "info", "warn", "error", "debug", "trace"] as const).map((level) =>
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
          output.push(format(...args));
        }),
      ),
      ...[process.stdout, process.stderr].map((stream) =>
        vi.spyOn(stream, "write").mockImplementation((chunk: unknown) => {
          output.push(String(chunk));
          return true;
        }),
      ),
    ];
    const statuses: Record<string, number> = {};
    try {
      // /api/v1/authn: a password typed into the username field; a wrong password
      statuses.authnPasswordAsUsername = (await authn(secret("authn-username"), secret("authn-password"))).status;
      statuses.authnWrongPassword = (await authn(alice.login, secret("authn-wrong"))).status;

      // the hosted form: the same two mistakes
      for (const [name, username, password] of [
        ["hostedPasswordAsUsername", secret("hosted-username"), secret("hosted-password")],
        ["hostedWrongPassword", alice.login, secret("hosted-wrong")],
      ] as const) {
        const jar = new CookieJar();
        const started = await a.authorize({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "s", code_challenge: CHALLENGE, code_challenge_method: "S256" }, { jar });
        const id = requestIdOf(started.location!);
        const csrf = pendingFormToken(KEY, { id, csrfHash: hashToken(jar.cookies.get(`authz_${id}`)!) }, jar.header())!;
        const res = await a.post(`${ORG_URL}/signin/submit`, { request: id, csrf, username, password }, jar);
        statuses[name] = res.status;
        expect(res.location ?? "").not.toContain(password);
      }

      // the password grant, confidential and public
      statuses.passwordGrantPasswordAsUsername = (await form(TOKEN_URL, { grant_type: "password", username: secret("grant-username"), password: secret("grant-password"), scope: "openid" }, basic(web.clientId, web.clientSecret!))).status;
      statuses.passwordGrantWrongPassword = (await form(TOKEN_URL, { grant_type: "password", username: alice.login, password: secret("grant-wrong"), scope: "openid", client_id: native.clientId })).status;

      // client authentication and grants refused
      statuses.wrongBasicSecret = (await form(TOKEN_URL, { grant_type: "authorization_code", code: secret("code-a"), redirect_uri: REDIRECT_URI }, basic(web.clientId, secret("basic-secret")))).status;
      statuses.wrongPostedSecret = (await form(TOKEN_URL, { grant_type: "refresh_token", refresh_token: secret("refresh-a"), client_id: web.clientId, client_secret: secret("post-secret") })).status;
      statuses.unknownCode = (await form(TOKEN_URL, { grant_type: "authorization_code", code: secret("code-b"), redirect_uri: REDIRECT_URI }, basic(web.clientId, web.clientSecret!))).status;
      statuses.bogusRefreshToken = (await form(TOKEN_URL, { grant_type: "refresh_token", refresh_token: secret("refresh-b") }, basic(web.clientId, web.clientSecret!))).status;
      const now = Math.floor(a.f.clock.now.getTime() / 1000);
      const assertion = await new SignJWT({ iss: jwtApp.clientId, sub: jwtApp.clientId, aud: TOKEN_URL, iat: now, exp: now + 300, jti: secret("jti") })
        .setProtectedHeader({ alg: "HS256" })
        .sign(new TextEncoder().encode(secret("wrong-jwt-key").padEnd(32, "x")));
      secrets.push(assertion);
      statuses.badClientAssertion = (await form(TOKEN_URL, { grant_type: "client_credentials", client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion, client_id: jwtApp.clientId })).status;

      // introspection and revocation with a token value, by a client that fails authentication and by one that does not
      for (const endpoint of ["introspect", "revoke"]) {
        statuses[`${endpoint}WrongSecret`] = (await form(`${ORG_URL}/oauth2/default/v1/${endpoint}`, { token: secret(`${endpoint}-token-a`), token_type_hint: "refresh_token" }, basic(web.clientId, secret(`${endpoint}-secret`)))).status;
        statuses[`${endpoint}UnknownToken`] = (await form(`${ORG_URL}/oauth2/default/v1/${endpoint}`, { token: secret(`${endpoint}-token-b`) }, basic(web.clientId, web.clientSecret!))).status;
      }

      // the management API with a bogus SSWS token
      statuses.bogusApiToken = (await a.f.api("GET", "/api/v1/users", undefined, { token: secret("ssws") })).status;
      await flushSystemLog(a.f.db);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    // every request was refused (introspection of an unknown token and revocation of one are 200 by RFC 7662/7009)
    expect(statuses).toEqual({
      authnPasswordAsUsername: 401,
      authnWrongPassword: 401,
      hostedPasswordAsUsername: 303,
      hostedWrongPassword: 303,
      passwordGrantPasswordAsUsername: 400,
      passwordGrantWrongPassword: 400,
      wrongBasicSecret: 401,
      wrongPostedSecret: 401,
      unknownCode: 400,
      bogusRefreshToken: 400,
      badClientAssertion: 401,
      introspectWrongSecret: 401,
      introspectUnknownToken: 200,
      revokeWrongSecret: 401,
      revokeUnknownToken: 200,
      bogusApiToken: 401,
    });

    const events: unknown[] = [];
    let path: string | null = "/api/v1/logs?since=2000-01-01T00:00:00.000Z&limit=1000";
    while (path) {
      const res = await a.f.api("GET", path);
      expect(res.status).toBe(200);
      events.push(...res.body);
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
      path = next ? next.slice(ORG_URL.length) : null;
    }
    const log = JSON.stringify(events);
    // the refusals were logged (so the search below reads real events): the six refused sign-ins at
    // least, the known user by login
    expect(events.filter((event) => (event as { outcome: { result: string } }).outcome.result === "FAILURE").length).toBeGreaterThanOrEqual(6);
    expect(log).toContain(alice.login);
    expect(log).toContain("unknown user");

    expect(secrets.length).toBeGreaterThan(20);
    expect(secrets.filter((value) => log.includes(value))).toEqual([]);
    const printed = output.join("\n");
    expect(secrets.filter((value) => printed.includes(value))).toEqual([]);
  });
});
