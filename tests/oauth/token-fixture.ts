import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import { expect } from "vitest";
import { deriveKey } from "@/lib/crypto/derive-key";
import { listPublishedKeys } from "@/lib/keys/list-published-keys";
import { createAuthorizationCode, type NewAuthorizationCode } from "@/lib/oauth/issue/create-authorization-code";
import { resetSigningKeyCache } from "@/lib/oauth/issue/get-signing-key";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { APP_SECRET, createAdminFixture, ORG_URL, type AdminFixture, type ApiResult } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { readLogEvents } from "../support/read-log-events";

export const ISSUER = `${ORG_URL}/oauth2/default`;
export const TOKEN_URL = `${ISSUER}/v1/token`;
export const REDIRECT_URI = "https://app.example.com/callback";
/** The org authorization server's id (its issuer is ORG_URL, its endpoints /oauth2/v1/*). */
export const ORG_SERVER = "org";

/** Where a server's `/v1/...` endpoints hang from: `/oauth2/{server}`, or `/oauth2` for the org server. */
export function serverBase(server: string): string {
  return server === ORG_SERVER ? `${ORG_URL}/oauth2` : `${ORG_URL}/oauth2/${server}`;
}
export const SECRETS_KEY = deriveKey(APP_SECRET, "secrets-at-rest");
/** The JSON error answers and success answers of /token carry exactly these headers (plus Vary). */
export const NO_STORE = { "cache-control": "no-store", pragma: "no-cache", "content-type": "application/json" };

export type TestApp = { appId: string; clientId: string; clientSecret: string | null; label: string };
export type TestUser = { id: string; login: string; password: string };
export type Verified = { header: Record<string, unknown>; payload: JWTPayload & Record<string, unknown> };
export type LogRow = { uuid: string; eventType: string; severity: string; displayMessage: string; outcomeResult: string; outcomeReason: string | null; debugContext: unknown; target: unknown; actor: unknown };
export type TokenCall = { basic?: [string, string] | null; server?: string; headers?: Record<string, string> };

export type TokenFixture = {
  f: AdminFixture;
  /** POST {server}/v1/token with a form body (a string is sent as is). */
  token(params: Record<string, string> | string, options?: TokenCall): Promise<ApiResult>;
  /** Creates an OIDC app through the Apps API. */
  app(label: string, settings: Record<string, unknown>, credentials?: Record<string, unknown>): Promise<TestApp>;
  /** Creates an ACTIVE user with a password through the Users API. */
  user(name: string, options?: { activate?: boolean; profile?: Record<string, unknown> }): Promise<TestUser>;
  assign(appId: string, userId: string): Promise<void>;
  scope(name: string, options?: { isDefault?: boolean; server?: string }): Promise<void>;
  /** Issues an authorization code as /authorize will (createAuthorizationCode), with defaults. */
  code(input: Partial<NewAuthorizationCode> & { clientId: string; userId: string }): Promise<string>;
  /** Verifies a JWT with jose against the server's published keys at the fixture's clock. */
  verify(jwt: string, server?: string): Promise<Verified>;
  /** The snapshot and signing-key caches see configuration changes at once. */
  refreshCaches(): void;
  /** The System Log events of a type written since `mark()` (the fixed clock gives them equal times). */
  events(eventType: string, since?: ReadonlySet<string>): Promise<LogRow[]>;
  /** The ids of every System Log event so far. */
  mark(): Promise<ReadonlySet<string>>;
  basic(app: TestApp): [string, string];
};

let sequence = 0;

export async function createTokenFixture(provider: "sqlite" | "postgresql"): Promise<TokenFixture> {
  const f = await createAdminFixture(provider);
  resetServerSnapshotCache();
  resetSigningKeyCache();

  async function token(params: Record<string, string> | string, options: TokenCall = {}): Promise<ApiResult> {
    const headers = new Headers({ Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded", ...options.headers });
    if (options.basic) headers.set("Authorization", `Basic ${Buffer.from(`${options.basic[0]}:${options.basic[1]}`).toString("base64")}`);
    const body = typeof params === "string" ? params : new URLSearchParams(params).toString();
    const response = await callRoute(new Request(`${serverBase(options.server ?? "default")}/v1/token`, { method: "POST", headers, body }));
    const text = await response.text();
    // Token events are queued, not awaited by the endpoint: let them land before tests read the log.
    await flushSystemLog(f.db);
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  async function app(label: string, settings: Record<string, unknown>, credentials: Record<string, unknown> = {}): Promise<TestApp> {
    const res = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label,
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: credentials },
      settings: { oauthClient: settings },
    });
    expect(res.status, res.text).toBe(200);
    return { appId: res.body.id, clientId: res.body.credentials.oauthClient.client_id, clientSecret: res.body.credentials.oauthClient.client_secret ?? null, label };
  }

  async function user(name: string, options: { activate?: boolean; profile?: Record<string, unknown> } = {}): Promise<TestUser> {
    const login = `${name.toLowerCase()}${++sequence}@example.com`;
    const password = `Correct-Horse-${sequence}-Battery`;
    const query = options.activate === false ? "?activate=false" : "?activate=true";
    const res = await f.api("POST", `/api/v1/users${query}`, {
      profile: { firstName: name, lastName: "Tester", email: login, login, ...options.profile },
      credentials: { password: { value: password } },
    });
    expect(res.status, res.text).toBe(200);
    return { id: res.body.id, login, password };
  }

  async function assign(appId: string, userId: string): Promise<void> {
    const res = await f.api("POST", `/api/v1/apps/${appId}/users`, { id: userId, scope: "USER" });
    expect(res.status, res.text).toBe(200);
  }

  async function scope(name: string, options: { isDefault?: boolean; server?: string } = {}): Promise<void> {
    const res = await f.api("POST", `/api/v1/authorizationServers/${options.server ?? "default"}/scopes`, { name, description: name, default: options.isDefault ?? false, metadataPublish: "ALL_CLIENTS" });
    expect(res.status, res.text).toBe(201);
    resetServerSnapshotCache();
  }

  async function code(input: Partial<NewAuthorizationCode> & { clientId: string; userId: string }): Promise<string> {
    return createAuthorizationCode(f.db, {
      authServerId: "default",
      redirectUri: REDIRECT_URI,
      scopes: ["openid"],
      authTime: new Date(f.clock.now.getTime() - 5_000),
      decision: { policyId: "00pStoredPolicy00000", ruleId: "0prStoredRule0000000", accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 60 },
      now: f.clock.now,
      ...input,
    });
  }

  async function verify(jwt: string, server = "default"): Promise<Verified> {
    const keys = await listPublishedKeys(f.db, server, SECRETS_KEY, f.clock.now);
    const jwks = createLocalJWKSet({ keys: (keys ?? []).map((key) => key.jwk) });
    const { payload } = await jwtVerify(jwt, jwks, { algorithms: ["RS256"], currentDate: f.clock.now });
    return { header: decodeProtectedHeader(jwt) as Record<string, unknown>, payload: payload as Verified["payload"] };
  }

  async function events(eventType: string, since: ReadonlySet<string> = new Set()): Promise<LogRow[]> {
    const rows = await readLogEvents(f.db, { where: { eventType }, orderBy: { published: "asc" } });
    return rows.filter((row) => !since.has(row.uuid)) as unknown as LogRow[];
  }

  async function mark(): Promise<ReadonlySet<string>> {
    return new Set((await f.db.systemLogEvent.findMany({ select: { uuid: true } })).map((row) => row.uuid));
  }

  return {
    f,
    token,
    app,
    user,
    assign,
    scope,
    code,
    verify,
    refreshCaches() {
      resetServerSnapshotCache();
      resetSigningKeyCache();
    },
    events,
    mark,
    basic: (testApp) => [testApp.clientId, testApp.clientSecret ?? ""],
  };
}

/** The headers every /token answer carries: JSON, never cached. */
export function expectNoStoreJson(res: ApiResult): void {
  expect(res.headers.get("content-type")).toBe(NO_STORE["content-type"]);
  expect(res.headers.get("cache-control")).toBe(NO_STORE["cache-control"]);
  expect(res.headers.get("pragma")).toBe(NO_STORE.pragma);
}

/** An OAuth error answer: status, exact body, no-store headers, and no challenge unless given. */
export function expectOAuthError(res: ApiResult, status: number, error: string, description: string, challenge: string | null = null): void {
  expect({ status: res.status, body: res.body }).toEqual({ status, body: { error, error_description: description } });
  expectNoStoreJson(res);
  expect(res.headers.get("www-authenticate")).toBe(challenge);
}
