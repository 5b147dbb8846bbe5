import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SignJWT } from "jose";
import pg from "pg";
import { adminApi } from "./admin-api";
import { E2E_IDP_PORT } from "./test-app/settings";
import { waitForProcess } from "./wait-for-process";

// Two instances of the production build behind an imaginary load balancer: one database
// (PostgreSQL when TEST_POSTGRES_URL is set, as in CI; else one SQLite file), one ORG_URL, one
// APP_SECRET, no shared memory. What one instance does, the other sees: tokens, revocations,
// refresh-token reuse, app deactivation, key rotation, and the first-run bootstrap they race for.
const PORTS = [E2E_IDP_PORT + 3, E2E_IDP_PORT + 4] as const;
const [A, B] = PORTS.map((port) => `http://localhost:${port}`) as [string, string];
const ORG_URL = A; // the address the load balancer would publish
const ISSUER = `${ORG_URL}/oauth2/default`;
const TOKEN = "00twoInstancesToken0000000000000000000000";
const dataDir = process.env.E2E_DATA_DIR ?? "e2e/.data";

let servers: ChildProcess[] = [];
let dropDatabase: () => Promise<void> = async () => {};

async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) {
    const file = path.join(dataDir, "two-instances.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    return `file:./${file}`;
  }
  const name = `e2e_two_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The management API of either instance (both share the org, so one token serves both). */
const apiOf = { [A]: adminApi(A, TOKEN), [B]: adminApi(B, TOKEN) };
const api = (origin: string, method: string, apiPath: string, body?: unknown) => apiOf[origin]!(method, apiPath, body);

type Client = { id: string; secret: string };
/** A form POST to a protocol endpoint of one instance, with client_secret_basic. */
async function protocol(origin: string, endpoint: string, client: Client, form: Record<string, string>) {
  const res = await fetch(`${origin}/oauth2/default/v1/${endpoint}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}` },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: res.status === 200 && endpoint === "revoke" ? null : await res.json() };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    ORG_URL,
    DATABASE_URL: await freshDatabaseUrl(),
    APP_SECRET: "two-instances-app-secret-two-instances-app-secret",
    ADMIN_EMAIL: "admin@two.test",
    ADMIN_PASSWORD: "two-Instances-admin-1",
    ADMIN_API_TOKEN: TOKEN,
  };
  // both start at once: migrations and the first-run bootstrap must tolerate the race
  servers = PORTS.map((port) => spawn(process.execPath, ["lib/cli/server.mjs"], { env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "inherit"] }));
  await Promise.all([waitForProcess(servers[0]!, `${A}/api/health`, 60_000), waitForProcess(servers[1]!, `${B}/api/health`, 60_000)]);
});

test.afterAll(async () => {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (server.exitCode !== null) return resolve();
          server.once("exit", () => resolve());
          server.kill("SIGTERM");
        }),
    ),
  );
  await dropDatabase();
});

test("one org for both: a single bootstrap, the same issuer and keys", async () => {
  const [usersA, usersB] = await Promise.all([api(A, "GET", "/api/v1/users"), api(B, "GET", "/api/v1/users")]);
  expect(usersA.map((u: { profile: { login: string } }) => u.profile.login)).toEqual(["admin@two.test"]);
  expect(usersB).toEqual(usersA);
  const [discoveryA, discoveryB] = await Promise.all([A, B].map((origin) => fetch(`${origin}/oauth2/default/.well-known/openid-configuration`).then((res) => res.json())));
  expect(discoveryA.issuer).toBe(ISSUER);
  expect(discoveryB).toEqual(discoveryA);
  const [keysA, keysB] = await Promise.all([A, B].map((origin) => fetch(`${origin}/oauth2/default/v1/keys`).then((res) => res.json())));
  expect(keysB).toEqual(keysA);
});

test("tokens, revocation, refresh reuse, app deactivation and key rotation cross instances", async () => {
  const suffix = Date.now().toString(36);
  await api(A, "POST", "/api/v1/authorizationServers/default/scopes", { name: `two:${suffix}` });
  const service = await api(A, "POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Two instances service ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
  });
  const web = await api(A, "POST", "/api/v1/apps", {
    name: "oidc_client",
    label: `Two instances web ${suffix}`,
    signOnMode: "OPENID_CONNECT",
    credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
    settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/callback"], grant_types: ["authorization_code", "password", "refresh_token"], response_types: ["code"] } },
  });
  const serviceClient = { id: service.credentials.oauthClient.client_id, secret: service.credentials.oauthClient.client_secret };
  const webClient = { id: web.credentials.oauthClient.client_id, secret: web.credentials.oauthClient.client_secret };
  const login = `two.${suffix}@example.com`;
  const user = await api(A, "POST", "/api/v1/users?activate=true", { profile: { firstName: "Tu", lastName: "Instances", email: login, login }, credentials: { password: { value: `Correct-Horse-${suffix}` } } });
  await api(A, "POST", `/api/v1/apps/${web.id}/users`, { id: user.id, scope: "USER" });

  // configuration made on A (the scope, the app) reaches B within a second (B's cached server
  // snapshot compares the configuration version at most once a second); B's token is active on A
  let issued: Awaited<ReturnType<typeof protocol>> = { status: 0, body: null };
  await expect
    .poll(async () => {
      issued = await protocol(B, "token", serviceClient, { grant_type: "client_credentials", scope: `two:${suffix}` });
      return issued.status;
    }, { timeout: 3_000 })
    .toBe(200);
  expect(await protocol(A, "introspect", serviceClient, { token: issued.body.access_token })).toMatchObject({ status: 200, body: { active: true, iss: ISSUER, client_id: serviceClient.id } });

  // revoked on B, dead on A (the refresh token and the access tokens of its grant)
  const signedIn = await protocol(A, "token", webClient, { grant_type: "password", username: login, password: `Correct-Horse-${suffix}`, scope: "openid offline_access" });
  expect(signedIn.status).toBe(200);
  expect((await protocol(B, "revoke", webClient, { token: signedIn.body.refresh_token })).status).toBe(200);
  expect(await protocol(A, "introspect", webClient, { token: signedIn.body.refresh_token })).toEqual({ status: 200, body: { active: false } });
  expect(await protocol(A, "introspect", webClient, { token: signedIn.body.access_token })).toEqual({ status: 200, body: { active: false } });

  // a refresh token rotated on A and replayed on B is reuse (grace period set to 0 through A): the
  // whole family dies, the token A handed out included
  await api(A, "POST", "/api/v1/org/settings", { refreshTokenGraceSeconds: 0 });
  const family = await protocol(A, "token", webClient, { grant_type: "password", username: login, password: `Correct-Horse-${suffix}`, scope: "openid offline_access" });
  const rotated = await protocol(A, "token", webClient, { grant_type: "refresh_token", refresh_token: family.body.refresh_token });
  expect(rotated.status).toBe(200);
  const replay = await protocol(B, "token", webClient, { grant_type: "refresh_token", refresh_token: family.body.refresh_token });
  expect(replay).toEqual({ status: 400, body: { error: "invalid_grant", error_description: "The refresh token is invalid or expired." } });
  expect(await protocol(A, "introspect", webClient, { token: rotated.body.refresh_token })).toEqual({ status: 200, body: { active: false } });

  // the service app deactivated on A: its token is inactive on B at once, and B stops issuing
  await api(A, "POST", `/api/v1/apps/${service.id}/lifecycle/deactivate`);
  expect(await protocol(B, "introspect", webClient, { token: issued.body.access_token })).toEqual({ status: 200, body: { active: false } });
  await expect.poll(async () => (await protocol(B, "token", serviceClient, { grant_type: "client_credentials", scope: `two:${suffix}` })).status, { timeout: 3_000 }).toBe(401);

  // keys rotated on A: B signs with the new key and publishes it
  const [rotatedKey] = await api(A, "POST", "/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate", { use: "sig" });
  await expect
    .poll(async () => {
      const token = await protocol(B, "token", webClient, { grant_type: "password", username: login, password: `Correct-Horse-${suffix}`, scope: "openid" });
      return JSON.parse(Buffer.from(String(token.body.access_token).split(".")[0]!, "base64url").toString()).kid;
    }, { timeout: 3_000 })
    .toBe(rotatedKey.kid);
  const keysB = await fetch(`${B}/oauth2/default/v1/keys`).then((res) => res.json());
  expect(keysB.keys.map((key: { kid: string }) => key.kid)).toContain(rotatedKey.kid);
});

test("bursts of 20 parallel uses split across both instances: one success per single-use item, the lockout exact", async () => {
  const suffix = `race${Date.now().toString(36)}`;
  const burst = <T>(send: (origin: string, i: number) => Promise<T>) => Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 === 0 ? A : B, i)));
  const statuses = (answers: Array<{ status: number }>) => answers.map((res) => res.status).sort((x, y) => x - y);
  const oidcApp = (label: string, authMethod: string, settings: Record<string, unknown>) =>
    api(A, "POST", "/api/v1/apps", { name: "oidc_client", label: `${label} ${suffix}`, signOnMode: "OPENID_CONNECT", credentials: { oauthClient: { token_endpoint_auth_method: authMethod } }, settings: { oauthClient: settings } });
  const clientOf = (app: { credentials: { oauthClient: { client_id: string; client_secret: string } } }): Client => ({ id: app.credentials.oauthClient.client_id, secret: app.credentials.oauthClient.client_secret });
  const web = await oidcApp("Race web", "client_secret_basic", { application_type: "web", redirect_uris: ["https://app.example.com/callback"], grant_types: ["authorization_code", "password", "refresh_token"], response_types: ["code"] });
  const jwtService = await oidcApp("Race JWT service", "client_secret_jwt", { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] });
  // Published in discovery, so the test can see when B's cached configuration has it (within a second).
  await api(A, "POST", "/api/v1/authorizationServers/default/scopes", { name: `race:${suffix}`, metadataPublish: "ALL_CLIENTS" });
  const webClient = clientOf(web);
  const newUser = async (name: string) => {
    const login = `${name}.${suffix}@example.com`;
    const password = `Correct-Horse-${suffix}`;
    const user = await api(A, "POST", "/api/v1/users?activate=true", { profile: { firstName: name, lastName: "Race", email: login, login }, credentials: { password: { value: password } } });
    await api(A, "POST", `/api/v1/apps/${web.id}/users`, { id: user.id, scope: "USER" });
    return { id: user.id as string, login, password };
  };
  const authn = (origin: string, username: string, password: string) =>
    fetch(`${origin}/api/v1/authn`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ username, password }) }).then(async (res) => ({ status: res.status, body: await res.json() }));
  await api(A, "POST", "/api/v1/org/settings", { refreshTokenGraceSeconds: 0, lockoutThreshold: 10 });
  const alice = await newUser("alice");
  // configuration made on A reaches B within a second
  await expect.poll(async () => (await protocol(B, "token", webClient, { grant_type: "password", username: alice.login, password: alice.password, scope: "openid" })).status, { timeout: 3_000 }).toBe(200);

  // a refresh token (grace period 0): one rotation; the others are reuse, which revokes what it minted
  const family = await protocol(A, "token", webClient, { grant_type: "password", username: alice.login, password: alice.password, scope: "openid offline_access" });
  const refreshes = await burst((origin) => protocol(origin, "token", webClient, { grant_type: "refresh_token", refresh_token: family.body.refresh_token }));
  expect(statuses(refreshes)).toEqual([200, ...Array(19).fill(400)]);
  const rotated = refreshes.find((res) => res.status === 200)!;
  for (const token of [rotated.body.refresh_token, rotated.body.access_token]) {
    for (const origin of [A, B]) expect(await protocol(origin, "introspect", webClient, { token })).toEqual({ status: 200, body: { active: false } });
  }

  // a sessionToken redeemed at /authorize: one code; then that code exchanged: one token response
  const signedIn = await authn(B, alice.login, alice.password);
  expect(signedIn.status).toBe(200);
  const authorizeQuery = new URLSearchParams({ client_id: webClient.id, response_type: "code", scope: "openid offline_access", redirect_uri: "https://app.example.com/callback", state: "race", prompt: "none", sessionToken: signedIn.body.sessionToken });
  const redirects = await burst((origin) => fetch(`${origin}/oauth2/default/v1/authorize?${authorizeQuery}`, { redirect: "manual" }).then((res) => new URL(res.headers.get("location") ?? "about:blank")));
  const codes = redirects.map((location) => location.searchParams.get("code")).filter((code): code is string => code !== null);
  expect(codes).toHaveLength(1);
  expect(redirects.filter((location) => location.searchParams.get("error") === "login_required")).toHaveLength(19);
  const exchanges = await burst((origin) => protocol(origin, "token", webClient, { grant_type: "authorization_code", code: codes[0]!, redirect_uri: "https://app.example.com/callback" }));
  expect(statuses(exchanges)).toEqual([200, ...Array(19).fill(400)]);
  const exchanged = exchanges.find((res) => res.status === 200)!;
  expect(await protocol(B, "introspect", webClient, { token: exchanged.body.refresh_token })).toEqual({ status: 200, body: { active: false } });

  // a client assertion (client_secret_jwt): its jti is used once (once B's configuration has the scope)
  await expect
    .poll(async () => (await fetch(`${B}/oauth2/default/.well-known/oauth-authorization-server`).then((res) => res.json())).scopes_supported, { timeout: 3_000 })
    .toContain(`race:${suffix}`);
  const service = clientOf(jwtService);
  const iat = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ iss: service.id, sub: service.id, aud: `${ISSUER}/v1/token`, iat, exp: iat + 300, jti: `race-${suffix}` }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(service.secret));
  const form = new URLSearchParams({ grant_type: "client_credentials", scope: `race:${suffix}`, client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion });
  const assertions = await burst((origin) => fetch(`${origin}/oauth2/default/v1/token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form }).then((res) => res.status));
  expect(assertions.sort((x, y) => x - y)).toEqual([200, ...Array(19).fill(401)]);

  // 19 wrong passwords and the right one at once against a threshold of 10 (the per-username
  // budget is 20 a minute): whatever the order, locked once at exactly 10; the right password
  // either came before the lockout or was refused
  const bob = await newUser("bob");
  const attempts = await burst((origin, i) => authn(origin, bob.login, i === 7 ? bob.password : "wrong-password"));
  expect(statuses(attempts.filter((_, i) => i !== 7))).toEqual(Array(19).fill(401));
  expect([200, 401]).toContain(attempts[7]!.status);
  expect((await api(B, "GET", `/api/v1/users/${bob.id}`)).status).toBe("LOCKED_OUT");
  const locks = await api(A, "GET", `/api/v1/logs?filter=${encodeURIComponent(`eventType eq "user.account.lock" and actor.id eq "${bob.id}"`)}`);
  expect(locks.map((event: { outcome: { reason: string } }) => event.outcome.reason)).toEqual(["10 consecutive failed password checks (lockoutThreshold 10)"]);
});
