import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { systemLogEventJson } from "@/lib/admin/system-log/system-log-event-json";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import type { SystemLogRecord } from "@/lib/system-log/read-system-log-events";
import { readSystemLogEvents } from "@/lib/system-log/read-system-log-events";
import { writeSystemLog } from "@/lib/system-log/write-system-log";
import { createFreshDatabase, testProviders } from "../support/test-databases";

/** The migration that compacted the System Log row; the database starts at the one before it. */
const COMPACT_MIGRATION = "20261206050301_compact_system_log";

const client = { id: "0oaBilling0000000001", type: "PublicClientApp", alternateId: "0oaBilling0000000001", displayName: "Billing Service" };
const admin = { id: "00uAdmin000000000001", type: "User", alternateId: "admin@example.com", displayName: "Ada Admin" };
const app = { id: "0oaApp00000000000001", type: "AppInstance", alternateId: "0oaBilling0000000001", displayName: "Billing Service" };
const server = { id: "default", type: "AuthorizationServer", displayName: "default" };

/** Events as the old row held them (its columns, JSON included): tokens, a refusal, admin audits. */
function oldEvent(n: number, fields: Partial<SystemLogRecord>): SystemLogRecord {
  return {
    uuid: `0193c0de-0000-7000-8000-${String(n).padStart(12, "0")}`,
    published: new Date(Date.UTC(2026, 0, 14, 23, 59, 59, 990) + n * 7),
    eventType: "app.oauth2.as.token.grant.access_token",
    severity: "INFO",
    displayMessage: "OAuth2 access token is granted",
    actorId: client.id,
    actor: client,
    client: { ipAddress: "203.0.113.9", userAgent: { rawUserAgent: "okta-sdk-nodejs/8.1.0 node/20.19.0 linux/6.1.0" } },
    outcomeResult: "SUCCESS",
    outcomeReason: null,
    target: [app, server, { id: `AT.token${n}`, type: "access_token", detailEntry: { expires: "2026-01-15T11:00:00.000Z" } }],
    debugContext: { debugData: { grantType: "client_credentials", clientAuthMethod: "client_secret_basic", policyId: "00pP1", ruleId: "0prR1", scopes: "api:read" } },
    transaction: {},
    ...fields,
  };
}

const EVENTS: SystemLogRecord[] = [
  oldEvent(1, {}),
  oldEvent(2, {}), // the same debug data as the first, the next day (published crosses midnight UTC)
  oldEvent(3, { client: { ipAddress: null, userAgent: null }, target: [app, server, { id: "AT.token3", type: "access_token", detailEntry: { expires: null } }] }),
  oldEvent(4, {
    eventType: "app.oauth2.as.token.grant.refresh_token",
    displayMessage: "OAuth2 refresh token is granted",
    actorId: admin.id,
    actor: admin,
    target: [app, server, { id: "oarRefresh0000000001", type: "refresh_token", detailEntry: { expires: "2026-02-14T10:00:00.000Z" } }],
    debugContext: { debugData: { refreshTokenId: "oarOld", rotatedTo: "oarRefresh0000000001", withinGracePeriod: false, scopes: "openid offline_access" } },
  }),
  oldEvent(5, {
    eventType: "app.oauth2.as.token.grant",
    severity: "WARN",
    displayMessage: "OAuth2 token request refused",
    outcomeResult: "FAILURE",
    outcomeReason: "invalid_client: client authentication failed",
    target: [app],
    debugContext: { debugData: { error: "invalid_client", errorDescription: "Client authentication failed – «bad secret»" } },
  }),
  oldEvent(6, {
    eventType: "user.lifecycle.create",
    displayMessage: "Created user Alice Example",
    actorId: admin.id,
    actor: admin,
    client: { ipAddress: "::1", userAgent: null },
    target: [{ id: "00uAlice000000000001", type: "User", alternateId: "alice@example.com", displayName: "Alice Example" }],
    debugContext: { debugData: {} },
    transaction: { type: "WEB", id: "req-6" },
  }),
  oldEvent(7, { eventType: "system.org.settings.update", displayMessage: "Updated org settings", actorId: null, actor: { id: "system", type: "System" }, client: { ipAddress: null, userAgent: null }, target: [], debugContext: { debugData: {} } }),
];

async function migrationsUpTo(root: string, last: string | null): Promise<void> {
  for (const provider of ["sqlite", "postgresql"]) {
    await cp(path.join("prisma/migrations", provider), path.join(root, provider), {
      recursive: true,
      filter: (source) => last === null || !path.basename(source).match(/^\d{14}_/) || path.basename(source) < last,
    });
  }
}

async function insertOldRows(db: Db, provider: string): Promise<void> {
  for (const e of EVENTS) {
    const json = [e.actor, e.client, e.target, e.debugContext, e.transaction].map((value) => JSON.stringify(value));
    const pg = provider === "postgresql";
    const at = (n: number, cast = "::jsonb") => (pg ? `$${n}${cast}` : "?");
    await db.$executeRawUnsafe(
      `INSERT INTO "SystemLogEvent" ("uuid", "published", "eventType", "severity", "displayMessage", "actorId", "outcomeResult", "outcomeReason", "actor", "client", "target", "debugContext", "transaction") VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => at(n, n === 2 ? "::timestamp(3)" : "")).join(", ")}, ${[9, 10, 11, 12, 13].map((n) => at(n)).join(", ")})`,
      e.uuid,
      // as Prisma's adapters store a DateTime: timestamp(3) on PostgreSQL, ISO 8601 text with +00:00 on SQLite
      pg ? e.published.toISOString().replace("T", " ").replace("Z", "") : e.published.toISOString().replace("Z", "+00:00"),
      e.eventType,
      e.severity,
      e.displayMessage,
      e.actorId,
      e.outcomeResult,
      e.outcomeReason,
      ...json,
    );
  }
}

describe.each(testProviders())("the compact System Log migration on %s", (provider) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh database at the migration before the compact one, holding the old rows, then migrated to the end. */
  async function convertedDatabase(): Promise<{ db: Db; applied: string[] }> {
    const database = await createFreshDatabase(provider);
    cleanups.push(() => database.drop());
    const root = await mkdtemp(path.join(tmpdir(), "idp-migrations-"));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await migrationsUpTo(root, COMPACT_MIGRATION);
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    const before = createDbClient(database.url);
    await insertOldRows(before, provider);
    await before.$disconnect();
    const { applied } = await runMigrations({ databaseUrl: database.url });
    const db = createDbClient(database.url);
    cleanups.push(() => db.$disconnect());
    return { db, applied };
  }

  it("converts every event so that the System Log API returns it unchanged", async () => {
    const { db, applied } = await convertedDatabase();
    expect(applied).toContain(COMPACT_MIGRATION);
    const events = await readSystemLogEvents(db, { orderBy: { uuid: "asc" } });
    expect(events.map(systemLogEventJson)).toEqual(EVENTS.map(systemLogEventJson));
    expect(events).toEqual(EVENTS);
    // a part is stored once per distinct value and day (converted rows keep their targets whole)
    const day = (e: SystemLogRecord) => Math.floor(e.published.getTime() / 86_400_000);
    const contexts = new Set(EVENTS.map((e) => JSON.stringify([day(e), e.actor, e.client.userAgent, e.target, e.transaction])));
    const debugs = new Set(EVENTS.map((e) => JSON.stringify([day(e), e.debugContext])));
    expect(debugs.size).toBe(5);
    expect(await db.systemLogPart.count()).toBe(contexts.size + debugs.size);
  });

  it("reads events written after it beside the converted ones", async () => {
    const { db } = await convertedDatabase();
    const published = new Date("2026-01-16T08:00:00.000Z");
    await writeSystemLog(db, { eventType: "user.lifecycle.create", displayMessage: "Created user Bob", actor: admin, client: { ipAddress: "::1" }, outcome: { result: "SUCCESS" }, target: [{ id: "00uBob", type: "User" }] }, published);
    const events = await readSystemLogEvents(db, { orderBy: { uuid: "asc" } });
    expect(events).toHaveLength(EVENTS.length + 1);
    expect(events.at(-1)).toMatchObject({ published, actor: admin, client: { ipAddress: "::1", userAgent: null }, target: [{ id: "00uBob", type: "User" }], debugContext: { debugData: {} }, transaction: {} });
    expect(events.slice(0, -1)).toEqual(EVENTS);
  });
});
