import type { Db } from "@/lib/db/create-db-client";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import type { TestProvider } from "../support/test-databases";

/** Bytes per table (its indexes and, on PostgreSQL, TOAST included), or per table and index on SQLite. */
export type StorageSizes = Map<string, number>;

export type TokenStorage = {
  provider: TestProvider;
  /** database bytes added per client_credentials token (one access token, its System Log event) */
  perClientCredentialsToken: number;
  /** database bytes added per refresh (rotated refresh token, new access and ID tokens, their events) */
  perRefreshRotation: number;
  /** where the bytes of each went, per table or index, bytes per operation */
  clientCredentialsBreakdown: Record<string, number>;
  refreshBreakdown: Record<string, number>;
};

/** A user agent as long as a typical SDK's. */
const USER_AGENT = "okta-sdk-nodejs/8.1.0 node/20.19.0 linux/6.1.0";

/**
 * What the database holds, in bytes: on SQLite the pages of each table and index (the dbstat
 * virtual table, which better-sqlite3's SQLite is compiled with), on PostgreSQL
 * pg_total_relation_size of each table (heap, indexes and TOAST).
 */
export async function storageSizes(db: Db, provider: TestProvider): Promise<StorageSizes> {
  const rows =
    provider === "sqlite"
      ? await db.$queryRawUnsafe<Array<{ name: string; bytes: number | bigint }>>("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name")
      : await db.$queryRawUnsafe<Array<{ name: string; bytes: number | bigint }>>(
          "SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'",
        );
  return new Map(rows.map((row) => [row.name, Number(row.bytes)]));
}

function growth(before: StorageSizes, after: StorageSizes, operations: number): { total: number; breakdown: Record<string, number> } {
  const breakdown: Record<string, number> = {};
  let total = 0;
  for (const [name, bytes] of after) {
    const added = bytes - (before.get(name) ?? 0);
    if (added === 0) continue;
    breakdown[name] = Math.round(added / operations);
    total += added;
  }
  return { total: Math.round(total / operations), breakdown };
}

async function token(f: AdminFixture, basic: string, body: Record<string, string>): Promise<Record<string, string>> {
  const response = await callRoute(
    new Request(`${ORG_URL}/oauth2/default/v1/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${basic}`, "User-Agent": USER_AGENT },
      body: new URLSearchParams(body).toString(),
    }),
  );
  const json = (await response.json()) as Record<string, string>;
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Creates an OIDC app through the Apps API; `basic` is its client_secret_basic credential. */
export async function createOidcApp(f: AdminFixture, label: string, settings: Record<string, unknown>): Promise<{ appId: string; clientId: string; basic: string }> {
  const res = await f.api("POST", "/api/v1/apps", { name: "oidc_client", label, signOnMode: "OPENID_CONNECT", credentials: { oauthClient: {} }, settings: { oauthClient: settings } });
  if (res.status !== 200) throw new Error(`creating ${label} failed: ${res.text}`);
  const { client_id: clientId, client_secret: clientSecret } = res.body.credentials.oauthClient;
  return { appId: res.body.id, clientId, basic: Buffer.from(`${clientId}:${clientSecret}`).toString("base64") };
}

/**
 * Issues `tokens` client_credentials tokens and `rotations` refresh-token rotations (scope openid
 * email offline_access plus a custom scope: each rotation returns an access, a refresh and an ID
 * token, and logs one event per token) on a fresh database, and reports the database bytes each
 * added, with the tables and indexes they went to.
 */
export async function measureTokenStorage(provider: TestProvider, { tokens = 1000, rotations = 300 } = {}): Promise<TokenStorage> {
  const f = await createAdminFixture(provider);
  try {
    const scope = await f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "api:read", description: "Read", default: true, metadataPublish: "ALL_CLIENTS" });
    if (scope.status !== 201) throw new Error(`creating the scope failed: ${scope.text}`);
    const service = await createOidcApp(f, "Billing Service", { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] });
    const web = await createOidcApp(f, "Customer Portal", { application_type: "web", redirect_uris: ["https://portal.example.com/callback"], grant_types: ["authorization_code", "password", "refresh_token"] });
    const user = await f.api("POST", "/api/v1/users?activate=true", {
      profile: { firstName: "Alice", lastName: "Example", email: "alice@example.com", login: "alice@example.com" },
      credentials: { password: { value: "Correct-Horse-Battery-9" } },
    });
    if (user.status !== 200) throw new Error(`creating the user failed: ${user.text}`);
    await f.api("POST", `/api/v1/apps/${web.appId}/users`, { id: user.body.id, scope: "USER" });

    await token(f, service.basic, { grant_type: "client_credentials" }); // first use: caches warm, nothing one-off counted
    await flushSystemLog(f.db);
    const beforeTokens = await storageSizes(f.db, provider);
    for (let i = 0; i < tokens; i++) {
      await token(f, service.basic, { grant_type: "client_credentials" });
      if (i % 100 === 99) await flushSystemLog(f.db);
    }
    await flushSystemLog(f.db);
    const cc = growth(beforeTokens, await storageSizes(f.db, provider), tokens);

    let refreshToken = (await token(f, web.basic, { grant_type: "password", username: "alice@example.com", password: "Correct-Horse-Battery-9", scope: "openid email offline_access api:read" })).refresh_token!;
    await flushSystemLog(f.db);
    const beforeRotations = await storageSizes(f.db, provider);
    for (let i = 0; i < rotations; i++) {
      f.clock.advance(1000);
      refreshToken = (await token(f, web.basic, { grant_type: "refresh_token", refresh_token: refreshToken })).refresh_token!;
      if (i % 100 === 99) await flushSystemLog(f.db);
    }
    await flushSystemLog(f.db);
    const refresh = growth(beforeRotations, await storageSizes(f.db, provider), rotations);
    return { provider, perClientCredentialsToken: cc.total, perRefreshRotation: refresh.total, clientCredentialsBreakdown: cc.breakdown, refreshBreakdown: refresh.breakdown };
  } finally {
    await f.close();
  }
}
