import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { databaseTarget } from "@/lib/config/database-target";
import { MigrationError, runMigrations } from "@/lib/db/run-migrations";
import { createFreshDatabase, queryRows, testProviders, type TestDatabase, type TestProvider } from "../support/test-databases";

const PROJECT_ROOT = process.cwd();
const MIGRATIONS_ROOT = path.join(PROJECT_ROOT, "prisma/migrations");
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Row = {
  id: string;
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  logs: string | null;
  rolled_back_at: unknown;
  started_at: unknown;
  applied_steps_count: number;
};

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freshDatabase(provider: TestProvider): Promise<TestDatabase> {
  const database = await createFreshDatabase(provider);
  cleanups.push(() => database.drop());
  return database;
}

/** A temporary copy of prisma/migrations/<provider>/ that a test may edit. */
async function copyMigrations(provider: TestProvider): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "idp-migrations-"));
  cleanups.push(() => rm(root, { recursive: true, force: true }));
  await cp(path.join(MIGRATIONS_ROOT, provider), path.join(root, provider), { recursive: true });
  return root;
}

async function addMigration(root: string, provider: TestProvider, name: string, sql: string): Promise<void> {
  await mkdir(path.join(root, provider, name));
  await writeFile(path.join(root, provider, name, "migration.sql"), sql);
}

async function migrationNames(root: string, provider: TestProvider): Promise<string[]> {
  const entries = await readdir(path.join(root, provider), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function fileChecksum(root: string, provider: TestProvider, name: string): Promise<string> {
  return createHash("sha256").update(await readFile(path.join(root, provider, name, "migration.sql"))).digest("hex");
}

function historyRows(url: string): Promise<Row[]> {
  return queryRows<Row>(url, 'SELECT * FROM "_prisma_migrations" ORDER BY migration_name, started_at');
}

async function tableExists(url: string, provider: TestProvider, table: string): Promise<boolean> {
  const rows =
    provider === "sqlite"
      ? await queryRows(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [table])
      : await queryRows(url, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1", [table]);
  return rows.length === 1;
}

function sqliteFile(url: string): string {
  const target = databaseTarget(url);
  if (target.provider !== "sqlite") throw new Error(`${url} is not a SQLite URL`);
  return target.filename;
}

/** The rejection of a promise, which must reject with a MigrationError. */
async function migrationError(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

/** Prisma's own DDL (prisma-engines sql-schema-connector flavour/*.rs create_migrations_table). */
const PRISMA_SQLITE_TABLE_SQL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const PRISMA_POSTGRES_COLUMNS = [
  { column_name: "id", data_type: "character varying", length: 36, is_nullable: "NO", column_default: null },
  { column_name: "checksum", data_type: "character varying", length: 64, is_nullable: "NO", column_default: null },
  { column_name: "finished_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
  { column_name: "migration_name", data_type: "character varying", length: 255, is_nullable: "NO", column_default: null },
  { column_name: "logs", data_type: "text", length: null, is_nullable: "YES", column_default: null },
  { column_name: "rolled_back_at", data_type: "timestamp with time zone", length: null, is_nullable: "YES", column_default: null },
  { column_name: "started_at", data_type: "timestamp with time zone", length: null, is_nullable: "NO", column_default: "now()" },
  { column_name: "applied_steps_count", data_type: "integer", length: null, is_nullable: "NO", column_default: "0" },
];

/** Timestamps as Prisma's engine writes them: integer Unix ms on SQLite, timestamptz on PostgreSQL. */
function epochMs(provider: TestProvider, value: unknown): number {
  if (provider === "sqlite") {
    expect(typeof value).toBe("number");
    return value as number;
  }
  expect(value).toBeInstanceOf(Date);
  return (value as Date).getTime();
}

describe.each(testProviders())("runMigrations on %s", (provider) => {
  it("applies every migration to a fresh database and records each as Prisma does", async () => {
    const database = await freshDatabase(provider);
    const expectedNames = await migrationNames(MIGRATIONS_ROOT, provider);
    expect(expectedNames.length).toBeGreaterThan(0);
    const before = Date.now();

    const lines: string[] = [];

    const result = await runMigrations({ databaseUrl: database.url, log: (line) => lines.push(line) });

    expect(result).toEqual({ applied: expectedNames });
    expect(lines).toEqual(expectedNames.flatMap((name) => [`Applying migration ${name}`, `Applied migration ${name}`]));
    const rows = await historyRows(database.url);
    expect(rows.map((row) => row.migration_name)).toEqual(expectedNames);
    for (const row of rows) {
      expect(row.id).toMatch(UUID_V4);
      expect(row.checksum).toBe(await fileChecksum(MIGRATIONS_ROOT, provider, row.migration_name));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      const started = epochMs(provider, row.started_at);
      const finished = epochMs(provider, row.finished_at);
      expect(started).toBeGreaterThanOrEqual(before - 1000);
      expect(finished).toBeGreaterThanOrEqual(started);
      expect(finished).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(await tableExists(database.url, provider, "User")).toBe(true);
  });

  it("creates _prisma_migrations with Prisma's own DDL", async () => {
    const database = await freshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    if (provider === "sqlite") {
      const rows = await queryRows<{ sql: string }>(database.url, "SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'");
      expect(rows).toEqual([{ sql: PRISMA_SQLITE_TABLE_SQL }]);
    } else {
      const columns = await queryRows(
        database.url,
        `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
           FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'
          ORDER BY ordinal_position`,
      );
      expect(columns).toEqual(PRISMA_POSTGRES_COLUMNS);
      const primaryKey = await queryRows(
        database.url,
        "SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass",
      );
      expect(primaryKey).toEqual([{ conname: "_prisma_migrations_pkey", definition: "PRIMARY KEY (id)" }]);
    }
  });

  it("does nothing when every migration is applied", async () => {
    const database = await freshDatabase(provider);
    await runMigrations({ databaseUrl: database.url });
    const before = await historyRows(database.url);
    const lines: string[] = [];

    const result = await runMigrations({ databaseUrl: database.url, log: (line) => lines.push(line) });

    expect(result).toEqual({ applied: [] });
    expect(await historyRows(database.url)).toEqual(before);
    expect(lines).toEqual([]);
  });

  it("applies only the migrations added since the last run, in name order", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    await addMigration(root, provider, "29990102000000_second", 'CREATE TABLE "Second" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    await addMigration(root, provider, "29990101000000_first", 'CREATE TABLE "First" ("id" INTEGER NOT NULL PRIMARY KEY);\n');

    const result = await runMigrations({ databaseUrl: database.url, migrationsRoot: root });

    expect(result).toEqual({ applied: ["29990101000000_first", "29990102000000_second"] });
    expect(await tableExists(database.url, provider, "First")).toBe(true);
    expect(await tableExists(database.url, provider, "Second")).toBe(true);
    const rows = await historyRows(database.url);
    const first = rows.find((row) => row.migration_name === "29990101000000_first");
    const second = rows.find((row) => row.migration_name === "29990102000000_second");
    expect(epochMs(provider, second?.started_at)).toBeGreaterThanOrEqual(epochMs(provider, first?.finished_at));
  });

  it("refuses to go on when an applied migration was edited, naming it", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    const [name] = await migrationNames(root, provider);
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    const file = path.join(root, provider, name!, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- an afterthought\n`);

    const error = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));

    expect(error.code).toBe("migration.checksum_mismatch");
    expect(error.message).toContain(`Migration ${name} was modified after it was applied`);
    expect(error.message).toContain(await fileChecksum(root, provider, name!));
  });

  it("accepts an applied migration whose only change is its line endings, as Prisma does", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    const [name] = await migrationNames(root, provider);
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    const file = path.join(root, provider, name!, "migration.sql");
    const original = await readFile(file, "utf8");
    expect(original).not.toContain("\r\n");
    await writeFile(file, original.replaceAll("\n", "\r\n"));

    expect(await runMigrations({ databaseUrl: database.url, migrationsRoot: root })).toEqual({ applied: [] });
  });

  it("rolls a failing migration back, records the failure, and blocks later runs until it is resolved", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    const applied = await migrationNames(root, provider);
    const broken = "29990101000000_broken";
    await addMigration(
      root,
      provider,
      broken,
      'CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" ("id") VALUES (1);\n',
    );
    const databaseError = provider === "sqlite" ? "no such table: NoSuchTable" : 'relation "NoSuchTable" does not exist';

    const failure = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));

    expect(failure.code).toBe("migration.failed");
    expect(failure.message).toContain(`Migration ${broken} failed and was rolled back`);
    expect(failure.message).toContain(databaseError);
    expect(await tableExists(database.url, provider, "HalfDone")).toBe(false);
    expect(await tableExists(database.url, provider, "User")).toBe(true);
    const rows = await historyRows(database.url);
    expect(rows.map((row) => [row.migration_name, row.applied_steps_count, row.finished_at === null])).toEqual([
      ...applied.map((name) => [name, 1, false]),
      [broken, 0, true],
    ]);
    const failedRow = rows.at(-1)!;
    expect(failedRow.id).toMatch(UUID_V4);
    expect(failedRow.checksum).toBe(await fileChecksum(root, provider, broken));
    expect(failedRow.rolled_back_at).toBeNull();
    expect(failedRow.logs).toContain("A migration failed to apply. New migrations cannot be applied before the error is recovered from.");
    expect(failedRow.logs).toContain(`Migration name: ${broken}`);
    expect(failedRow.logs).toContain(`Database error code: ${provider === "sqlite" ? "SQLITE_ERROR" : "42P01"}`);
    expect(failedRow.logs).toContain(databaseError);

    const blocked = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));
    expect(blocked.code).toBe("migration.previous_failed");
    expect(blocked.message).toContain(`Migration ${broken} failed in an earlier run`);
    expect(blocked.message).toContain(`prisma migrate resolve --rolled-back ${broken}`);
    expect(blocked.message).toContain(`UPDATE "_prisma_migrations" SET "rolled_back_at" =`);

    // The documented way out: fix the file, mark the failed attempt rolled back, run again.
    await writeFile(path.join(root, provider, broken, "migration.sql"), 'CREATE TABLE "HalfDone" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    const statement = /UPDATE "_prisma_migrations" SET [^;]+;/.exec(blocked.message)?.[0];
    expect(statement).toBeDefined();
    await queryRows(database.url, statement!);
    expect(await runMigrations({ databaseUrl: database.url, migrationsRoot: root })).toEqual({ applied: [broken] });
    expect(await tableExists(database.url, provider, "HalfDone")).toBe(true);
    const history = await historyRows(database.url);
    const brokenRows = history.filter((row) => row.migration_name === broken);
    expect(brokenRows.map((row) => [row.rolled_back_at === null, row.finished_at === null, row.applied_steps_count])).toEqual(
      expect.arrayContaining([
        [false, true, 0],
        [true, false, 1],
      ]),
    );
    expect(brokenRows).toHaveLength(2);
  });

  it("refuses a database that has a migration this code does not know", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    const extra = "29990101000000_from_the_future";
    await addMigration(root, provider, extra, 'CREATE TABLE "Future" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    await rm(path.join(root, provider, extra), { recursive: true });

    const error = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));

    expect(error.code).toBe("migration.missing_locally");
    expect(error.message).toContain(`Migration ${extra} is applied to the database but missing from prisma/migrations/${provider}/`);
  });

  it("refuses a database with tables but no migration history (Prisma's P3005)", async () => {
    const database = await freshDatabase(provider);
    await queryRows(database.url, 'CREATE TABLE "Stranger" ("id" INTEGER NOT NULL PRIMARY KEY)');

    const error = await migrationError(runMigrations({ databaseUrl: database.url }));

    expect(error.code).toBe("migration.database_not_empty");
    expect(error.message).toContain("(Stranger)");
    expect(await tableExists(database.url, provider, "_prisma_migrations")).toBe(false);
  });

  it("refuses migrations whose migration_lock.toml names another provider (Prisma's P3019)", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    await writeFile(path.join(root, provider, "migration_lock.toml"), 'provider = "mysql"\n');

    const error = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));

    expect(error.code).toBe("migration.provider_mismatch");
    expect(error.message).toContain('says provider "mysql"');
  });

  it("refuses a migrations folder that is missing", async () => {
    const database = await freshDatabase(provider);
    const root = await mkdtemp(path.join(tmpdir(), "idp-no-migrations-"));
    cleanups.push(() => rm(root, { recursive: true, force: true }));

    const error = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));

    expect(error.code).toBe("migration.folder_invalid");
    expect(error.message).toContain(path.join(root, provider));
  });

  it("lets two runs started at once apply each migration exactly once", async () => {
    const database = await freshDatabase(provider);
    const root = await copyMigrations(provider);
    for (let index = 1; index <= 4; index += 1) {
      await addMigration(root, provider, `2999010100000${index}_extra_${index}`, `CREATE TABLE "Extra${index}" ("id" INTEGER NOT NULL PRIMARY KEY);\n`);
    }
    const names = await migrationNames(root, provider);

    const [one, two] = await Promise.all([
      runMigrations({ databaseUrl: database.url, migrationsRoot: root }),
      runMigrations({ databaseUrl: database.url, migrationsRoot: root }),
    ]);

    expect([...one.applied, ...two.applied].sort()).toEqual(names);
    const counts = await queryRows<{ migration_name: string; count: number | string }>(
      database.url,
      'SELECT migration_name, COUNT(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name',
    );
    expect(counts.map((row) => [row.migration_name, Number(row.count)])).toEqual(names.map((name) => [name, 1]));
    expect(await historyRows(database.url)).toHaveLength(names.length);
  });
});

describe.each(testProviders().filter((p) => p === "postgresql"))("runMigrations on %s: the advisory lock", () => {
  const LOCK_ID = 72707369;

  it("waits for Prisma's migration lock, gives up after lockTimeoutMs, and releases it when done", async () => {
    const database = await freshDatabase("postgresql");
    const pg = (await import("pg")).default;
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${LOCK_ID})`);
      const error = await migrationError(runMigrations({ databaseUrl: database.url, lockTimeoutMs: 300 }));
      expect(error.code).toBe("migration.lock_timeout");
      expect(await tableExists(database.url, "postgresql", "_prisma_migrations")).toBe(false);
      await holder.query(`SELECT pg_advisory_unlock(${LOCK_ID})`);
    } finally {
      await holder.end();
    }

    const names = await migrationNames(MIGRATIONS_ROOT, "postgresql");
    expect(await runMigrations({ databaseUrl: database.url })).toEqual({ applied: names });
    const held = await queryRows(database.url, `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = ${LOCK_ID}`);
    expect(held).toEqual([]);
  });
});

type RunEvent = { t: number; what: "call" | "return" | "Applying" | "Applied"; name?: string };
type ProcessRun = { applied: string[]; events: RunEvent[] };

/**
 * The waits for the lock the runs' timelines prove: process `waiter` had called runMigrations before
 * process `holder` finished applying a migration (its write lock held from "Applying" to at least
 * "Applied") and got no step of its own through until after that, over at least `MIN_WAIT_MS` of the
 * hold (longer than reading the migration files takes).
 */
function lockWaits(runs: ProcessRun[]): Array<{ waiter: number; holder: number; name: string; waitedMs: number }> {
  const MIN_WAIT_MS = 50;
  const waits: Array<{ waiter: number; holder: number; name: string; waitedMs: number }> = [];
  runs.forEach((waiterRun, waiter) => {
    const called = waiterRun.events.find((event) => event.what === "call")!.t;
    const firstStep = waiterRun.events.find((event) => event.what === "Applying" || event.what === "return")!.t;
    runs.forEach((holderRun, holder) => {
      if (holder === waiter) return;
      for (const start of holderRun.events.filter((event) => event.what === "Applying")) {
        const end = holderRun.events.find((event) => event.what === "Applied" && event.name === start.name)!.t;
        const waitedMs = end - Math.max(called, start.t);
        if (called < end && firstStep >= end && waitedMs >= MIN_WAIT_MS) waits.push({ waiter, holder, name: start.name!, waitedMs });
      }
    });
  });
  return waits;
}

describe("runMigrations on sqlite: files, foreign keys and processes", () => {
  async function ownMigrations(): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), "idp-migrations-"));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    await mkdir(path.join(root, "sqlite"));
    await addMigration(
      root,
      "sqlite",
      "20000101000000_parent_child",
      'CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY);\n' +
        'CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL, ' +
        'CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE);\n',
    );
    return root;
  }

  it("redefines a parent table the way Prisma's SQLite migrations do without cascading deletes to its children", async () => {
    const database = await freshDatabase("sqlite");
    const root = await ownMigrations();
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    await queryRows(database.url, `INSERT INTO "Parent" ("id") VALUES ('p1')`);
    await queryRows(database.url, `INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'p1')`);
    // Prisma's "RedefineTables" script for adding a column that SQLite cannot ALTER in place.
    await addMigration(
      root,
      "sqlite",
      "20000102000000_redefine_parent",
      [
        "PRAGMA defer_foreign_keys=ON;",
        "PRAGMA foreign_keys=OFF;",
        'CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "label" TEXT NOT NULL DEFAULT \'none\');',
        'INSERT INTO "new_Parent" ("id") SELECT "id" FROM "Parent";',
        'DROP TABLE "Parent";',
        'ALTER TABLE "new_Parent" RENAME TO "Parent";',
        "PRAGMA foreign_keys=ON;",
        "PRAGMA defer_foreign_keys=OFF;",
        "",
      ].join("\n"),
    );

    expect(await runMigrations({ databaseUrl: database.url, migrationsRoot: root })).toEqual({ applied: ["20000102000000_redefine_parent"] });

    expect(await queryRows(database.url, 'SELECT "id", "label" FROM "Parent"')).toEqual([{ id: "p1", label: "none" }]);
    expect(await queryRows(database.url, 'SELECT "id", "parentId" FROM "Child"')).toEqual([{ id: "c1", parentId: "p1" }]);
  });

  it("fails and rolls back a migration that leaves rows pointing at nothing", async () => {
    const database = await freshDatabase("sqlite");
    const root = await ownMigrations();
    await runMigrations({ databaseUrl: database.url, migrationsRoot: root });
    await addMigration(
      root,
      "sqlite",
      "20000102000000_orphan",
      `CREATE TABLE "Other" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'nobody');\n`,
    );

    const error = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root }));

    expect(error.code).toBe("migration.failed");
    expect(error.message).toContain("Migration 20000102000000_orphan failed and was rolled back: FOREIGN KEY constraint failed: 1 row(s), e.g. in Child referencing Parent");
    expect(await queryRows(database.url, 'SELECT * FROM "Child"')).toEqual([]);
    expect(await tableExists(database.url, "sqlite", "Other")).toBe(false);
  });

  it("creates the database file's folder on demand", async () => {
    const database = await freshDatabase("sqlite");
    const nested = path.join(path.dirname(sqliteFile(database.url)), "deeper", "still", "app.db");

    const result = await runMigrations({ databaseUrl: `file:${nested}` });

    expect(result.applied).toEqual(await migrationNames(MIGRATIONS_ROOT, "sqlite"));
    expect(existsSync(nested)).toBe(true);
  });

  it("waits for another writer, and gives up after lockTimeoutMs", async () => {
    const database = await freshDatabase("sqlite");
    await runMigrations({ databaseUrl: database.url });
    const root = await copyMigrations("sqlite");
    await addMigration(root, "sqlite", "29990101000000_later", 'CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    const Database = (await import("better-sqlite3")).default;
    const holder = new Database(sqliteFile(database.url));
    try {
      holder.exec("BEGIN IMMEDIATE");
      const error = await migrationError(runMigrations({ databaseUrl: database.url, migrationsRoot: root, lockTimeoutMs: 200 }));
      expect(error.code).toBe("migration.lock_timeout");
      holder.exec("ROLLBACK");
    } finally {
      holder.close();
    }
    expect(await runMigrations({ databaseUrl: database.url, migrationsRoot: root })).toEqual({ applied: ["29990101000000_later"] });
  });

  it("lets runs in separate processes, started at once, apply each migration exactly once", async () => {
    const database = await freshDatabase("sqlite");
    const root = await copyMigrations("sqlite");
    // Migrations slow enough (a few hundred ms each) for the processes' runs to overlap.
    const rowsPerTable = 200_000;
    for (let index = 1; index <= 6; index += 1) {
      await addMigration(
        root,
        "sqlite",
        `2999010100000${index}_extra_${index}`,
        `CREATE TABLE "Extra${index}" ("id" INTEGER NOT NULL PRIMARY KEY);\n` +
          `INSERT INTO "Extra${index}" ("id") WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${rowsPerTable}) SELECT x FROM n;\n`,
      );
    }
    const names = await migrationNames(root, "sqlite");
    const script = path.join(root, "run.mts");
    await writeFile(
      script,
      `import { runMigrations } from ${JSON.stringify(path.join(PROJECT_ROOT, "lib/db/run-migrations.ts"))};\n` +
        "const [databaseUrl, migrationsRoot, startAt] = process.argv.slice(2);\n" +
        "await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));\n" +
        "const events = [];\n" +
        "const stamp = (what, name) => events.push({ t: Date.now(), what, name });\n" +
        "const log = (line) => { const m = /^(Applying|Applied) migration (.+)$/.exec(line); if (m) stamp(m[1], m[2]); };\n" +
        "stamp('call');\n" +
        "const result = await runMigrations({ databaseUrl, migrationsRoot, log });\n" +
        "stamp('return');\n" +
        "process.stdout.write(JSON.stringify({ ...result, events }));\n",
    );
    // Every process starts its run at the same moment, once all have loaded (tsx takes a few seconds on a busy machine).
    const startAt = String(Date.now() + 8000);
    const run = () =>
      promisify(execFile)(process.execPath, ["--import", "tsx", script, database.url, root, startAt], { cwd: PROJECT_ROOT, timeout: 60_000 }).catch(
        (error: { stderr?: string }) => {
          // tsx stack frames are long data: URLs; keep the lines that say what went wrong.
          const lines = (error.stderr ?? String(error)).split("\n").filter((line) => /Error|error/.test(line) && !line.includes("data:text"));
          throw new Error(`A migration process failed:\n${lines.map((line) => line.slice(0, 400)).join("\n")}`);
        },
      );

    const outputs = await Promise.all([run(), run(), run()]);

    const runs = outputs.map((output) => JSON.parse(output.stdout) as ProcessRun);
    const applied = runs.flatMap((run) => run.applied);
    expect(applied.sort()).toEqual(names);
    // The runs contended for the write lock: some process was inside runMigrations for the whole of
    // another's hold of it (from "Applying" to "Applied"), without getting its first step through,
    // i.e. it waited. Without the overlap this test could pass with runs one after the other.
    const waits = lockWaits(runs);
    expect(waits.length, `no process waited for another's lock: ${JSON.stringify(runs.map((run) => run.events))}`).toBeGreaterThan(0);
    const rows = await historyRows(database.url);
    expect(rows.map((row) => [row.migration_name, row.applied_steps_count])).toEqual(names.map((name) => [name, 1]));
    for (let index = 1; index <= 6; index += 1) {
      expect(await queryRows(database.url, `SELECT COUNT(*) AS count FROM "Extra${index}"`)).toEqual([{ count: rowsPerTable }]);
    }
  }, 60_000);
});
