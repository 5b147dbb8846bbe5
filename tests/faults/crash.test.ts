import { Agent } from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startLoad, type LoadRecord, type LoadRequest } from "./support/load";
import { createServiceClient, formHeaders } from "./support/org";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import { printPhases } from "./support/report";
import { FAULTS_ADMIN_TOKEN, ServerInstance } from "./support/server-instance";

// Issue 13, item 8 and "Crash test": a production server under mixed admin and token load is
// killed with SIGKILL, restarted on the same database, and the database is checked: it is
// consistent (foreign keys, SQLite's integrity check), nothing is half-created, every admin request
// that was answered 2xx has its change and its audit event, and every change the load made that
// exists has its audit event (an admin change and its event commit in one transaction).

const ADMIN_WORKERS = 6;
const TOKEN_WORKERS = 3;
/** The kill comes once this many admin requests have succeeded (or after KILL_AFTER_MS). */
const KILL_AFTER_SUCCESSES = 80;
const KILL_AFTER_MS = 8_000;

type Row = Record<string, unknown>;
type Query = (sql: string) => Promise<Row[]>;

/** An admin request of a scenario and what must be true after the crash if it was answered 2xx. */
type Step = {
  name: string;
  request: LoadRequest;
  /** The audit event it must have left: its type and one of its target ids (or a message). */
  event: (body: Json) => { eventType: string; targetId: string; message?: string };
  /** SQL that returns a row when its change is in the database. */
  change: (body: Json) => string;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers read as JSON
type Json = any;

const admin = (method: string, path: string, body?: unknown): LoadRequest => ({
  method,
  path,
  headers: { Authorization: `SSWS ${FAULTS_ADMIN_TOKEN}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
  body: body === undefined ? undefined : JSON.stringify(body),
});
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * One scenario: a group, a user in it (with a password), an app with its secret and the user
 * assigned, then an update and two lifecycle changes. Each step needs the ids the earlier ones
 * answered with, so a worker stops its scenario at the first failure.
 */
function scenario(tag: string): Array<(ids: Record<string, string>) => Step & { keep?: string }> {
  const group = `crash-g-${tag}`;
  const login = `crash-u-${tag}@faults.test`;
  const label = `crash-a-${tag}`;
  return [
    () => ({
      name: "create group",
      keep: "group",
      request: admin("POST", "/api/v1/groups", { profile: { name: group } }),
      event: (body) => ({ eventType: "group.lifecycle.create", targetId: body.id }),
      change: (body) => `SELECT "id" FROM "Group" WHERE "id" = ${quote(body.id)}`, // its name may have changed since (replace group)
    }),
    () => ({
      name: "create user",
      keep: "user",
      request: admin("POST", "/api/v1/users?activate=true", {
        profile: { login, email: login, firstName: "Crash", lastName: tag },
        credentials: { password: { value: "Correct-Horse-Battery-Staple" } },
      }),
      event: (body) => ({ eventType: "user.lifecycle.create", targetId: body.id }),
      change: (body) => `SELECT "id" FROM "User" WHERE "id" = ${quote(body.id)} AND "passwordHash" IS NOT NULL`,
    }),
    (ids) => ({
      name: "add group member",
      request: admin("PUT", `/api/v1/groups/${ids.group}/users/${ids.user}`),
      event: () => ({ eventType: "group.user_membership.add", targetId: ids.group! }),
      change: () => `SELECT "userId" FROM "GroupMembership" WHERE "groupId" = ${quote(ids.group!)} AND "userId" = ${quote(ids.user!)}`,
    }),
    () => ({
      name: "create app",
      keep: "app",
      request: admin("POST", "/api/v1/apps", {
        name: "oidc_client",
        label,
        signOnMode: "OPENID_CONNECT",
        credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
        settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/callback"] } },
      }),
      event: (body) => ({ eventType: "application.lifecycle.create", targetId: body.id }),
      change: (body) => `SELECT a."id" FROM "App" a JOIN "ClientSecret" s ON s."appId" = a."id" WHERE a."id" = ${quote(body.id)}`,
    }),
    (ids) => ({
      name: "assign user to app",
      request: admin("POST", `/api/v1/apps/${ids.app}/users`, { id: ids.user, scope: "USER" }),
      event: () => ({ eventType: "application.user_membership.add", targetId: ids.app! }),
      change: () => `SELECT "userId" FROM "AppUserAssignment" WHERE "appId" = ${quote(ids.app!)} AND "userId" = ${quote(ids.user!)}`,
    }),
    (ids) => ({
      name: "replace group",
      request: admin("PUT", `/api/v1/groups/${ids.group}`, { profile: { name: `${group}-renamed` } }),
      event: () => ({ eventType: "group.profile.update", targetId: ids.group!, message: `Update group ${group}-renamed` }),
      change: () => `SELECT "id" FROM "Group" WHERE "id" = ${quote(ids.group!)} AND "name" = ${quote(`${group}-renamed`)}`,
    }),
    (ids) => ({
      name: "suspend user",
      request: admin("POST", `/api/v1/users/${ids.user}/lifecycle/suspend`),
      event: () => ({ eventType: "user.lifecycle.suspend", targetId: ids.user! }),
      change: () => `SELECT "id" FROM "User" WHERE "id" = ${quote(ids.user!)} AND "status" = 'SUSPENDED'`,
    }),
    (ids) => ({
      name: "deactivate app",
      request: admin("POST", `/api/v1/apps/${ids.app}/lifecycle/deactivate`),
      event: () => ({ eventType: "application.lifecycle.deactivate", targetId: ids.app! }),
      change: () => `SELECT "id" FROM "App" WHERE "id" = ${quote(ids.app!)} AND "status" = 'INACTIVE'`,
    }),
  ];
}

type Answered = { step: Step; body: Json };

/** Admin workers running scenarios until stopped; every request is recorded, every 2xx kept with its step. */
function startAdminLoad(origin: string) {
  const records: LoadRecord[] = [];
  const answered: Answered[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: ADMIN_WORKERS });
  let stopped = false;
  const worker = async (w: number) => {
    for (let round = 0; !stopped; round++) {
      const ids: Record<string, string> = {};
      for (const make of scenario(`${w}-${round}`)) {
        if (stopped) return;
        const step = make(ids);
        const { record, text } = await send(origin, step.request, { agent, timeoutMs: 20_000 });
        records.push({ ...record, target: step.name });
        if (record.status < 200 || record.status >= 300) break;
        const body = text ? JSON.parse(text) : null;
        answered.push({ step, body });
        if (step.keep) ids[step.keep] = body.id;
      }
    }
  };
  const done = Promise.all(Array.from({ length: ADMIN_WORKERS }, (_, w) => worker(w)));
  return {
    records,
    answered,
    async stop() {
      stopped = true;
      await done;
      agent.destroy();
    },
  };
}

/** Every System Log event of these types, through the System Log API (whatever its storage). */
async function readEvents(origin: string, eventTypes: string[]) {
  const events: Array<{ eventType: string; displayMessage: string; targetIds: string[] }> = [];
  for (const eventType of eventTypes) {
    let next: string | null = `${origin}/api/v1/logs?limit=1000&filter=${encodeURIComponent(`eventType eq "${eventType}"`)}`;
    while (next) {
      const res: Response = await fetch(next, { headers: { Authorization: `SSWS ${FAULTS_ADMIN_TOKEN}`, Accept: "application/json" } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as Array<{ eventType: string; displayMessage: string; target: Array<{ id: string }> }>;
      events.push(...page.map((e) => ({ eventType: e.eventType, displayMessage: e.displayMessage, targetIds: e.target.map((t) => t.id) })));
      next = page.length ? (/<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null) : null;
    }
  }
  return events;
}

/** Rows whose foreign key names no row (PostgreSQL: every single-column foreign key in the schema). */
async function postgresOrphans(query: Query): Promise<Row[]> {
  const keys = await query(`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent, a.attname AS col, p.attname AS pcol
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute p ON p.attrelid = c.confrelid AND p.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND cardinality(c.conkey) = 1`);
  expect(keys.length).toBeGreaterThan(10);
  const orphans: Row[] = [];
  for (const key of keys) {
    const [row] = await query(
      `SELECT count(*)::int AS n FROM ${key.child} c WHERE c."${key.col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p."${key.pcol}" = c."${key.col}")`,
    );
    if (row!.n !== 0) orphans.push({ ...key, n: row!.n });
  }
  return orphans;
}

const targets: Array<{ provider: "postgresql" | "sqlite" }> = [{ provider: "postgresql" }, { provider: "sqlite" }];

describe.each(targets)("kill -9 under mixed admin and token load on $provider", ({ provider }) => {
  let cluster: PrivatePostgres | undefined;
  let server: ServerInstance;
  let query: Query;
  let sqliteFile = "";

  beforeAll(async () => {
    let databaseUrl: string;
    if (provider === "postgresql") {
      cluster = await startPrivatePostgres();
      databaseUrl = await cluster.createDatabase("crash");
      query = (sql) => cluster!.superuserQuery("crash", sql);
    } else {
      sqliteFile = `${process.env.FAULTS_RUN_DIR}/crash.db`;
      databaseUrl = `file:${sqliteFile}`;
      query = async (sql) => {
        const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
        try {
          return db.prepare(sql).all() as Row[];
        } finally {
          db.close();
        }
      };
    }
    server = await ServerInstance.start({ databaseUrl, name: `crash-${provider}` });
  });
  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
  });

  it("keeps every answered change with its audit event, and nothing half-made, across the crash", async () => {
    const client = await createServiceClient(server.origin, `Crash ${provider}`);
    const grant = { name: "client_credentials", request: { method: "POST", path: "/oauth2/default/v1/token", headers: formHeaders(client), body: `grant_type=client_credentials&scope=${client.scope}` } };
    const tokens = startLoad({
      origins: [server.origin],
      targets: [grant],
      concurrency: TOKEN_WORKERS,
      durationMs: 60_000,
      maxRequests: 1_000_000,
      requestTimeoutMs: 20_000,
    });
    const started = Date.now();
    const admins = startAdminLoad(server.origin);
    while (admins.answered.length < KILL_AFTER_SUCCESSES && Date.now() - started < KILL_AFTER_MS) await new Promise((resolve) => setTimeout(resolve, 20));

    const killedAt = Date.now();
    expect(await server.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    await Promise.all([admins.stop(), tokens.stop()]);
    const inFlight = admins.records.filter((r) => r.at < killedAt && r.status === 0).length;
    printPhases(`crash on ${provider}: admin scenarios (${ADMIN_WORKERS} workers) and client_credentials (${TOKEN_WORKERS}); ${inFlight} admin requests in flight at the kill`, [...admins.records, ...tokens.records], [
      { name: "before the kill", from: started, to: killedAt },
      { name: "after the kill", from: killedAt, to: Date.now() + 1 },
    ]);
    expect(admins.answered.length).toBeGreaterThanOrEqual(20);
    // Before the kill no refusal but an overloaded database's 503: the load itself is valid.
    expect(admins.records.filter((r) => r.at < killedAt && r.status >= 300 && r.status !== 503)).toEqual([]);

    await server.start(); // the same port, database and environment

    // The database is consistent.
    if (provider === "sqlite") {
      expect(await query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await query("PRAGMA foreign_key_check")).toEqual([]);
    } else {
      expect(await postgresOrphans(query)).toEqual([]);
    }

    // Nothing half-created: apps with a secret-based method have a secret, users made with a password have it.
    expect(
      await query(`SELECT a."id" FROM "App" a WHERE a."tokenEndpointAuthMethod" LIKE 'client_secret%' AND NOT EXISTS (SELECT 1 FROM "ClientSecret" s WHERE s."appId" = a."id")`),
    ).toEqual([]);
    expect(await query(`SELECT "id" FROM "User" WHERE "login" LIKE 'crash-u-%' AND ("passwordHash" IS NULL OR "profile" IS NULL)`)).toEqual([]);
    expect(
      // the org authorization server gets its keys on first use (none until then), every other server at creation
      await query(`SELECT s."id" FROM "AuthorizationServer" s WHERE (SELECT count(*) FROM "SigningKey" k WHERE k."authServerId" = s."id" AND k."status" IN ('ACTIVE', 'NEXT')) NOT IN (2, CASE WHEN s."id" = 'org' THEN 0 ELSE 2 END)`),
    ).toEqual([]);

    const events = await readEvents(server.origin, [
      "group.lifecycle.create",
      "user.lifecycle.create",
      "group.user_membership.add",
      "application.lifecycle.create",
      "application.user_membership.add",
      "group.profile.update",
      "user.lifecycle.suspend",
      "application.lifecycle.deactivate",
    ]);
    const has = (eventType: string, targetId: string, message?: string) =>
      events.some((e) => e.eventType === eventType && e.targetIds.includes(targetId) && (message === undefined || e.displayMessage === message));

    // Every admin request answered 2xx has its change and its audit event.
    const missing: string[] = [];
    for (const { step, body } of admins.answered) {
      const event = step.event(body);
      if (!has(event.eventType, event.targetId, event.message)) missing.push(`${step.name}: no ${event.eventType} for ${event.targetId}`);
      if ((await query(step.change(body))).length === 0) missing.push(`${step.name}: its change is not in the database (${event.targetId})`);
    }
    expect(missing).toEqual([]);

    // Every change of the load that is in the database has its audit event, answered or not.
    const unaudited: string[] = [];
    let found = 0;
    const check = async (sql: string, eventType: string, message?: (row: Row) => string) => {
      for (const row of await query(sql)) {
        found += 1;
        if (!has(eventType, String(row.id), message?.(row))) unaudited.push(`${eventType} ${String(row.id)}`);
      }
    };
    await check(`SELECT "id" FROM "Group" WHERE "name" LIKE 'crash-g-%'`, "group.lifecycle.create");
    await check(`SELECT "id", "name" FROM "Group" WHERE "name" LIKE 'crash-g-%-renamed'`, "group.profile.update", (row) => `Update group ${String(row.name)}`);
    await check(`SELECT "id" FROM "User" WHERE "login" LIKE 'crash-u-%'`, "user.lifecycle.create");
    await check(`SELECT "id" FROM "User" WHERE "login" LIKE 'crash-u-%' AND "status" = 'SUSPENDED'`, "user.lifecycle.suspend");
    await check(`SELECT "id" FROM "App" WHERE "label" LIKE 'crash-a-%'`, "application.lifecycle.create");
    await check(`SELECT "id" FROM "App" WHERE "label" LIKE 'crash-a-%' AND "status" = 'INACTIVE'`, "application.lifecycle.deactivate");
    await check(`SELECT m."userId" AS "id" FROM "GroupMembership" m JOIN "Group" g ON g."id" = m."groupId" WHERE g."name" LIKE 'crash-g-%'`, "group.user_membership.add");
    await check(`SELECT u."userId" AS "id" FROM "AppUserAssignment" u JOIN "App" a ON a."id" = u."appId" WHERE a."label" LIKE 'crash-a-%'`, "application.user_membership.add");
    expect(unaudited).toEqual([]);

    // And the restarted server serves both kinds of traffic again.
    expect(tokens.records.filter((r) => r.at < killedAt && r.status === 200).length).toBeGreaterThan(0);
    const after = await startLoad({ origins: [server.origin], targets: [grant], concurrency: 1, durationMs: 5_000, maxRequests: 3 }).done;
    expect(after.map((r) => r.status)).toEqual([200, 200, 200]);
    console.log(`crash on ${provider}: ${admins.answered.length} admin requests answered 2xx before the kill, ${found} changes of the load in the database, each with its audit event`);
  });
});
