import { expect } from "vitest";
import type { AppContext } from "@/lib/app-context";
import { authnEndpoint } from "@/lib/authn/authn-endpoint";
import { handleEndUserRequest } from "@/lib/authn/handle-end-user-request";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { handleHostedRequest } from "@/lib/http/handle-hosted-request";
import type { PlainRequest, PlainResponse } from "@/lib/http/plain-http";
import { authorizeEndpoint } from "@/lib/oauth/authorize/authorize-endpoint";
import { handleOAuthRequest } from "@/lib/oauth/http/handle-oauth-request";
import { PROTOCOL_ENDPOINTS } from "@/lib/oauth/http/protocol-endpoints";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { ORG_URL } from "../support/admin-fixture";
import { createTokenFixture, SECRETS_KEY, type TestApp, type TokenFixture } from "../oauth/token-fixture";

/** How many parallel requests a burst sends (issue 13: at least 20). */
export const BURST = 20;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
export type Answer = { status: number; body: any; location: URL | null };

/**
 * One instance of the server: the route operations behind their real pipelines (the ones the
 * route shells and npm start's fast path call), on its own database client. Two instances on one
 * database are two clients with their own connection pools, as two processes would be.
 */
export type Instance = {
  name: string;
  token(fields: Record<string, string>, client?: TestApp | null): Promise<Answer>;
  introspect(token: string, client: TestApp): Promise<Answer>;
  revoke(token: string, client: TestApp): Promise<Answer>;
  authn(username: string, password: string, ipAddress: string): Promise<Answer>;
  authorize(query: Record<string, string>): Promise<Answer>;
};

export type RaceFixture = TokenFixture & {
  /** [the fixture's own client, a second client on the same database] */
  instances: [Instance, Instance];
  /** instance i of a burst: requests alternate between the two (split bursts) */
  split(i: number): Instance;
  setOrgSettings(settings: { refreshTokenGraceSeconds?: number; lockoutThreshold?: number }): Promise<void>;
  close(): Promise<void>;
};

const basicOf = (client: TestApp) => `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64")}`;

function plainRequest(method: string, path: string, init: { headers?: Record<string, string>; body?: string; ipAddress?: string | null; params?: Record<string, string> } = {}): PlainRequest {
  return { method, url: new URL(`${ORG_URL}${path}`), headers: new Headers(init.headers), body: init.body ?? null, params: init.params ?? {}, ipAddress: init.ipAddress ?? null };
}

function answer(response: PlainResponse): Answer {
  const location = response.headers?.Location ?? response.headers?.location;
  return { status: response.status, body: response.body, location: location ? new URL(location) : null };
}

function instance(name: string, app: AppContext): Instance {
  const oauth = async (endpoint: "v1/token" | "v1/introspect" | "v1/revoke", fields: Record<string, string>, client: TestApp | null) => {
    const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
    if (client) headers.Authorization = basicOf(client);
    const request = plainRequest("POST", `/oauth2/default/${endpoint}`, { headers, body: new URLSearchParams(fields).toString(), params: { authServerId: "default" }, ipAddress: "198.51.100.7" });
    const { methods, options } = PROTOCOL_ENDPOINTS[endpoint];
    return answer(await handleOAuthRequest(app, request, methods.POST, options));
  };
  return {
    name,
    token: (fields, client = null) => oauth("v1/token", fields, client),
    introspect: (token, client) => oauth("v1/introspect", { token }, client),
    revoke: (token, client) => oauth("v1/revoke", { token }, client),
    async authn(username, password, ipAddress) {
      const request = plainRequest("POST", "/api/v1/authn", { headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ username, password }), ipAddress });
      return answer(await handleEndUserRequest(app, request, authnEndpoint));
    },
    async authorize(query) {
      const request = plainRequest("GET", `/oauth2/default/v1/authorize?${new URLSearchParams(query)}`, { params: { authServerId: "default" }, ipAddress: "198.51.100.8" });
      return answer(await handleHostedRequest(app, request, authorizeEndpoint));
    },
  };
}

/** The URL of the database a client is connected to (the admin fixture keeps it to itself). */
async function databaseUrlOf(db: Db, provider: "sqlite" | "postgresql"): Promise<string> {
  if (provider === "sqlite") {
    const [main] = await db.$queryRawUnsafe<Array<{ file: string }>>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    return `file:${main!.file}`;
  }
  const [current] = await db.$queryRawUnsafe<Array<{ name: string }>>("SELECT current_database() AS name");
  const url = new URL(process.env.TEST_POSTGRES_URL!);
  url.pathname = `/${current!.name}`;
  return url.toString();
}

/** The token fixture (fresh database, fixed clock) seen by two instances. */
export async function createRaceFixture(provider: "sqlite" | "postgresql"): Promise<RaceFixture> {
  const t = await createTokenFixture(provider);
  const second = createDbClient(await databaseUrlOf(t.f.db, provider));
  // Each request starts 1 ms after the one before, as on a real clock: the loser of a race may have
  // started before the rotation it lost to (with one fixed time for all, that case never happens).
  const now = () => {
    t.f.clock.advance(1);
    return t.f.clock.now;
  };
  const context = (db: Db): AppContext => ({ db, provider, orgUrl: ORG_URL, secretsKey: SECRETS_KEY, now });
  const instances: [Instance, Instance] = [instance("one", context(t.f.db)), instance("two", context(second))];
  // Token events are queued per database client: both instances' queues are written before the log is read.
  const flushLogs = async () => {
    await flushSystemLog(t.f.db);
    await flushSystemLog(second);
  };
  const { mark, events } = t;
  return Object.assign(t, {
    mark: async () => {
      await flushLogs();
      return mark();
    },
    events: async (eventType: string, since?: ReadonlySet<string>) => {
      await flushLogs();
      return events(eventType, since);
    },
    instances,
    split: (i: number) => instances[i % 2]!,
    async setOrgSettings(settings: { refreshTokenGraceSeconds?: number; lockoutThreshold?: number }) {
      await t.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, ...settings } } });
    },
    async close() {
      await flushLogs();
      await second.$disconnect();
      await t.f.close();
    },
  });
}

/** Sends `count` requests at once (none waits for another) and returns their answers in order. */
export function burst<T>(count: number, send: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => send(i)));
}

/** The answers by status, e.g. { 200: 1, 400: 19 }. */
export function statusCounts(answers: readonly Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Every token is inactive at introspection (RFC 7662: `{"active": false}` and nothing else). */
export async function expectAllInactive(via: Instance, client: TestApp, tokens: readonly string[]): Promise<void> {
  const answers = await Promise.all(tokens.map((token) => via.introspect(token, client)));
  expect(answers.map((res) => [res.status, res.body])).toEqual(tokens.map(() => [200, { active: false }]));
}
