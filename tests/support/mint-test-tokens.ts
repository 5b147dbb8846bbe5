import { createPrivateKey, generateKeyPairSync, randomBytes } from "node:crypto";
import { SignJWT, type JWTPayload } from "jose";
import { expect } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { decryptSecret } from "@/lib/crypto/decrypt-secret";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { randomToken } from "@/lib/crypto/random-token";
import { newId } from "@/lib/ids/new-id";
import { signingKeyContext } from "@/lib/keys/generate-signing-key";
import { loadSigningKey } from "@/lib/keys/load-signing-key";
import { newAccessTokenId } from "@/lib/oauth/tokens/access-token-id";
import { APP_SECRET, ORG_URL, type AdminFixture } from "./admin-fixture";
import { callRoute } from "./call-route";
import { insertRefreshToken } from "./insert-refresh-token";

/**
 * Test support for the endpoints that consume tokens (introspect, revoke, userinfo): tokens minted
 * directly, in the exact shape Okta issues them, signed with the server's ACTIVE key (so these
 * tests do not depend on the token endpoint), plus the apps, users and assignments they belong to,
 * created through the admin API.
 */

export const SECRETS_KEY = deriveKey(APP_SECRET, "secrets-at-rest");
export const issuerOf = (authServerId: string) => `${ORG_URL}/oauth2/${authServerId}`;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export type TestClient = { appId: string; clientId: string; clientSecret: string | null; label: string };
export type TestUser = { id: string; login: string };

/** A confidential web app (client_secret_basic) or a public browser app (none), ACTIVE. */
export async function createTestClient(f: AdminFixture, label: string, kind: "web" | "browser" | "service" = "web"): Promise<TestClient> {
  const settings =
    kind === "service"
      ? { application_type: "service" }
      : { application_type: kind, redirect_uris: ["https://app.example.com/callback"], grant_types: ["authorization_code", "refresh_token"] };
  const res = await f.api("POST", "/api/v1/apps", { name: "oidc_client", label, signOnMode: "OPENID_CONNECT", credentials: { oauthClient: {} }, settings: { oauthClient: settings } });
  expect(res.status).toBe(200);
  const oauthClient = res.body.credentials.oauthClient;
  return { appId: res.body.id, clientId: oauthClient.client_id, clientSecret: oauthClient.client_secret ?? null, label };
}

/** An ACTIVE user with a password and a full profile; assigned to `apps` directly. */
export async function createTestUser(f: AdminFixture, name: string, apps: TestClient[] = []): Promise<TestUser> {
  const login = `${name.toLowerCase()}@example.com`;
  const res = await f.api("POST", "/api/v1/users?activate=true", {
    profile: { firstName: name, lastName: "Tester", email: login, login, locale: "en_US", timezone: "America/New_York", mobilePhone: "+1 555 0100" },
    credentials: { password: { value: "Correct-Horse-Battery-9" } },
  });
  expect(res.status).toBe(200);
  const user = { id: res.body.id as string, login };
  for (const app of apps) await assignUser(f, app, user);
  return user;
}

export async function assignUser(f: AdminFixture, app: TestClient, user: TestUser): Promise<void> {
  const res = await f.api("POST", `/api/v1/apps/${app.appId}/users`, { id: user.id, scope: "USER" });
  expect(res.status).toBe(200);
}

/** `Authorization: Basic` for a client: id:secret, or the id alone for a public client (okta-auth-js). */
export function basicAuth(client: TestClient): string {
  const value = client.clientSecret ? `${client.clientId}:${client.clientSecret}` : client.clientId;
  return `Basic ${Buffer.from(value, "utf8").toString("base64")}`;
}

export type MintedJwt = { token: string; claims: Record<string, unknown> };

type SignWith = { kid: string; privateKey: Parameters<SignJWT["sign"]>[0] };

async function serverKey(f: AdminFixture, authServerId: string, now: Date): Promise<SignWith> {
  const key = await loadSigningKey(f.db, authServerId, SECRETS_KEY, now);
  if (!key) throw new Error(`authorization server ${authServerId} has no ACTIVE key`);
  return { kid: key.kid, privateKey: key.privateKey };
}

async function sign(claims: Record<string, unknown>, key: SignWith, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims as JWTPayload).setProtectedHeader({ alg: "RS256", kid: key.kid, ...header }).sign(key.privateKey);
}

export type AccessTokenOptions = {
  authServerId?: string;
  client: TestClient;
  /** null: a client_credentials token */
  user: TestUser | null;
  scopes: string[];
  /** the grant (refresh family) the token belongs to: its jti then ends in `.<grantId>` */
  grantId?: string | null;
  lifetimeSeconds?: number;
  /** default: the fixture clock */
  now?: Date;
  /** custom claims, appended */
  extra?: Record<string, unknown>;
  /** replaces claims (e.g. a foreign iss) */
  override?: Record<string, unknown>;
  /** sign with this key instead of the server's ACTIVE key */
  signWith?: SignWith;
  header?: Record<string, unknown>;
};

/** An Okta access token: ver, jti (AT.…), iss, aud, iat, exp, cid, uid, scp, auth_time, sub. */
export async function mintAccessToken(f: AdminFixture, options: AccessTokenOptions): Promise<MintedJwt> {
  const authServerId = options.authServerId ?? "default";
  const now = options.now ?? f.clock.now;
  const iat = seconds(now);
  const server = await f.db.authorizationServer.findUniqueOrThrow({ where: { id: authServerId }, select: { audiences: true } });
  const audiences = server.audiences as string[];
  const { user } = options;
  const claims: Record<string, unknown> = {
    ver: 1,
    jti: newAccessTokenId(options.grantId ?? null),
    iss: issuerOf(authServerId),
    aud: audiences.length === 1 ? audiences[0] : audiences,
    iat,
    exp: iat + (options.lifetimeSeconds ?? 3600),
    cid: options.client.clientId,
    ...(user ? { uid: user.id } : {}),
    scp: [...options.scopes],
    ...(user ? { auth_time: iat - 10 } : {}),
    sub: user ? user.login : options.client.clientId,
    ...options.extra,
    ...options.override,
  };
  const token = await sign(claims, options.signWith ?? (await serverKey(f, authServerId, now)), options.header);
  return { token, claims };
}

/** An Okta ID token: sub (user id), profile claims, ver, iss, aud (client id), iat, exp (1 h), jti (ID.…), amr, idp, auth_time. */
export async function mintIdToken(
  f: AdminFixture,
  options: { authServerId?: string; client: TestClient; user: TestUser; now?: Date; extra?: Record<string, unknown>; signWith?: SignWith },
): Promise<MintedJwt> {
  const authServerId = options.authServerId ?? "default";
  const now = options.now ?? f.clock.now;
  const iat = seconds(now);
  const claims: Record<string, unknown> = {
    sub: options.user.id,
    ...options.extra,
    ver: 1,
    iss: issuerOf(authServerId),
    aud: options.client.clientId,
    iat,
    exp: iat + 3600,
    jti: `ID.${randomBytes(16).toString("base64url")}`,
    amr: ["pwd"],
    idp: "00o000000000000000000",
    auth_time: iat - 10,
  };
  const token = await sign(claims, options.signWith ?? (await serverKey(f, authServerId, now)));
  return { token, claims };
}

export type MintedRefreshToken = { token: string; id: string; familyId: string };

/** An ACTIVE refresh token row (a new family unless `familyId` is given); window 7 days, no absolute expiry by default. */
export async function mintRefreshToken(
  f: AdminFixture,
  options: { authServerId?: string; client: TestClient; user: TestUser; scopes: string[]; familyId?: string; windowMinutes?: number; lifetimeMinutes?: number | null; now?: Date; status?: string },
): Promise<MintedRefreshToken> {
  const now = options.now ?? f.clock.now;
  const token = randomToken(32);
  const id = newId("refreshToken");
  const familyId = options.familyId ?? randomToken(12);
  await insertRefreshToken(f.db, {
      id,
      tokenHash: hashToken(token),
      familyId,
      authServerId: options.authServerId ?? "default",
      clientId: options.client.clientId,
      userId: options.user.id,
      scopes: [...options.scopes],
      status: options.status ?? "ACTIVE",
      authTime: now,
      decision: {},
      expiresAt: options.lifetimeMinutes ? new Date(now.getTime() + options.lifetimeMinutes * 60_000) : null,
      windowEndsAt: new Date(now.getTime() + (options.windowMinutes ?? 10_080) * 60_000),
      created: now,
    });
  return { token, id, familyId };
}

/** A user grant as the code exchange leaves it: a refresh token and an access token carrying its grant id. */
export async function mintUserGrant(f: AdminFixture, options: { authServerId?: string; client: TestClient; user: TestUser; scopes: string[] }) {
  const refresh = await mintRefreshToken(f, options);
  const access = await mintAccessToken(f, { ...options, grantId: refresh.familyId });
  return { refresh, access };
}

/** One of a server's stored signing keys by kid (e.g. an EXPIRED one), decrypted. */
export async function signingKeyByKid(kid: string): Promise<SignWith> {
  const row = await getAppContext().db.signingKey.findUniqueOrThrow({ where: { kid }, select: { privateKeyEncrypted: true } });
  return { kid, privateKey: createPrivateKey(decryptSecret(row.privateKeyEncrypted, SECRETS_KEY, signingKeyContext(kid))) };
}

/** A signing key the server never published, under a kid of its choosing (forged tokens). */
export function foreignKey(kid: string): SignWith {
  return { kid, privateKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
export type OAuthResult = { status: number; headers: Headers; body: any; text: string };

/** A request to a protocol endpoint through the real route file. */
export async function callOAuth(method: string, path: string, init: { headers?: Record<string, string>; form?: Record<string, string>; body?: string } = {}): Promise<OAuthResult> {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.form) {
    body = new URLSearchParams(init.form).toString();
    if (!headers.has("content-type")) headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers, body }));
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** POST /oauth2/:as/v1/introspect with Basic client authentication (unless `headers` replaces it). */
export function introspect(client: TestClient, form: Record<string, string>, options: { authServerId?: string; headers?: Record<string, string> } = {}) {
  return callOAuth("POST", `/oauth2/${options.authServerId ?? "default"}/v1/introspect`, { headers: options.headers ?? { Authorization: basicAuth(client) }, form });
}

/** POST /oauth2/:as/v1/revoke with Basic client authentication (unless `headers` replaces it). */
export function revoke(client: TestClient, form: Record<string, string>, options: { authServerId?: string; headers?: Record<string, string> } = {}) {
  return callOAuth("POST", `/oauth2/${options.authServerId ?? "default"}/v1/revoke`, { headers: options.headers ?? { Authorization: basicAuth(client) }, form });
}
