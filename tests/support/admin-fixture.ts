import { bootstrapOrg } from "@/lib/bootstrap/bootstrap-org";
import { setAppContext } from "@/lib/app-context";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { callRoute } from "./call-route";
import { createFreshDatabase } from "./test-databases";

export const ORG_URL = "http://idp.test";
export const ADMIN_TOKEN = "00adminFixtureToken_0123456789abcdefghij";
export const APP_SECRET = "admin-fixture-app-secret-0123456789abcdef";

export type TestClock = { now: Date; advance(ms: number): void };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
export type ApiResult = { status: number; headers: Headers; body: any; text: string };

export type AdminFixture = {
  db: Db;
  provider: "sqlite" | "postgresql";
  clock: TestClock;
  /** A request through the real route handlers, authenticated with the bootstrap admin token. */
  api(method: string, path: string, body?: unknown, init?: { token?: string | null; headers?: Record<string, string>; rawBody?: string }): Promise<ApiResult>;
  close(): Promise<void>;
};

/**
 * A fresh, bootstrapped database per test file, wired into the route handlers with a fixed clock
 * (advance it explicitly; nothing sleeps).
 */
export async function createAdminFixture(provider: "sqlite" | "postgresql", start = new Date("2026-01-15T10:00:00.000Z")): Promise<AdminFixture> {
  const database = await createFreshDatabase(provider);
  await runMigrations({ databaseUrl: database.url });
  const db = createDbClient(database.url);
  const clock: TestClock = {
    now: new Date(start),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: { email: "admin@idp.test", password: "fixture-admin-password", apiToken: ADMIN_TOKEN }, now: () => clock.now });
  setAppContext({ db, provider, orgUrl: ORG_URL, secretsKey: deriveKey(APP_SECRET, "secrets-at-rest"), now: () => clock.now });

  async function api(method: string, path: string, body?: unknown, init: { token?: string | null; headers?: Record<string, string>; rawBody?: string } = {}): Promise<ApiResult> {
    const headers = new Headers({ Accept: "application/json", ...init.headers });
    const token = init.token === undefined ? ADMIN_TOKEN : init.token;
    if (token !== null) headers.set("Authorization", `SSWS ${token}`);
    let payload: string | undefined = init.rawBody;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      if (!headers.has("Content-Type")) headers.set("Content-Type", "application/json");
    }
    const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers, body: payload }));
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  return {
    db,
    provider,
    clock,
    api,
    async close() {
      // queued System Log rows (token endpoint events) are written before the database goes away
      await flushSystemLog(db);
      setAppContext(undefined);
      await db.$disconnect();
      await database.drop();
    },
  };
}
