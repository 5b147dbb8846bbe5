import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, type Dirent } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseTarget } from "../config/database-target";

// Applies prisma/migrations/<provider>/<name>/migration.sql the way `prisma migrate deploy` does
// (prisma-engines: schema-engine/core/src/commands/apply_migrations.rs), and keeps the history in
// `_prisma_migrations` exactly as Prisma writes it (sql-schema-connector: flavour/{sqlite,postgres}.rs,
// sql_migration_persistence.rs), so that Prisma's own `migrate status` / `migrate deploy` agree with it.
// Stricter than deploy on purpose: an edited applied migration and a migration missing from the folder
// are refused (Prisma reports those only from `migrate dev` / `migrate status`).

export type MigrationErrorCode =
  | "migration.checksum_mismatch"
  | "migration.failed"
  | "migration.previous_failed"
  | "migration.missing_locally"
  | "migration.database_not_empty"
  | "migration.provider_mismatch"
  | "migration.folder_invalid"
  | "migration.lock_timeout";

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

export type RunMigrationsOptions = {
  databaseUrl: string;
  /** Holds one folder per provider (sqlite/, postgresql/). Default: <cwd>/prisma/migrations. */
  migrationsRoot?: string;
  log?: (line: string) => void;
  /** How long to wait for another runner's lock (PostgreSQL advisory lock, SQLite write lock). */
  lockTimeoutMs?: number;
};

type Provider = "sqlite" | "postgresql";

type LocalMigration = { name: string; script: string; checksum: string };

/** A `_prisma_migrations` row; only null-ness of the timestamps matters here. */
type MigrationRow = {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
};

const MIGRATIONS_TABLE = "_prisma_migrations";

/** Prisma's DDL, byte for byte (flavour/sqlite.rs create_migrations_table). */
const SQLITE_MIGRATIONS_TABLE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);
`;

/** Prisma's DDL, byte for byte (flavour/postgres.rs create_migrations_table). */
const POSTGRES_MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

/** Prisma Migrate's advisory lock id (flavour/postgres.rs acquire_lock). */
const POSTGRES_LOCK_ID = 72707369;
const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/** The start of Prisma's P3018 text, which Prisma stores as the failed row's `logs`. */
const FAILED_LOGS_HEADER =
  "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
  "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve";

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Prisma's pre-2.x checksum format: hex bytes without zero padding (prisma-engines#1887). */
function unpaddedSha256Hex(data: string): string {
  return [...createHash("sha256").update(data).digest()].map((byte) => byte.toString(16)).join("");
}

/**
 * Whether a script still matches the checksum recorded when it was applied, as Prisma decides it
 * (schema-connector/src/checksum.rs script_matches_checksum): line endings may have changed (git on
 * Windows), and very old rows carry checksums without zero padding.
 */
export function checksumMatches(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  const format = recorded.length !== 64 && recorded !== "" ? unpaddedSha256Hex : sha256Hex;
  return variants.some((variant) => format(variant) === recorded);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readLockProvider(folder: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path.join(folder, "migration_lock.toml"), "utf8");
  } catch {
    return null;
  }
  return /^\s*provider\s*=\s*"([^"]*)"/m.exec(text)?.[1] ?? null;
}

/** prisma/migrations/<provider>/<name>/migration.sql, in name order (Prisma sorts by folder name). */
async function readLocalMigrations(migrationsRoot: string, provider: Provider): Promise<LocalMigration[]> {
  const folder = path.join(migrationsRoot, provider);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    throw new MigrationError("migration.folder_invalid", `The migrations folder ${folder} does not exist or cannot be read.`);
  }
  const lockProvider = await readLockProvider(folder);
  if (lockProvider !== null && lockProvider !== provider) {
    // Prisma's P3019 (migrations_directory.rs error_on_changed_provider).
    throw new MigrationError(
      "migration.provider_mismatch",
      `${folder}/migration_lock.toml says provider "${lockProvider}" but DATABASE_URL names a ${provider} database.`,
    );
  }
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort(compareNames);
  return Promise.all(
    names.map(async (name) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(path.join(folder, name, "migration.sql"));
      } catch {
        throw new MigrationError("migration.folder_invalid", `Migration ${name} has no readable migration.sql in ${folder}.`);
      }
      return { name, script: bytes.toString("utf8"), checksum: sha256Hex(bytes) };
    }),
  );
}

function rollbackStatement(provider: Provider, name: string): string {
  const now = provider === "postgresql" ? "now()" : "CURRENT_TIMESTAMP";
  const quoted = name.replaceAll("'", "''");
  return (
    `UPDATE "_prisma_migrations" SET "rolled_back_at" = ${now} ` +
    `WHERE "migration_name" = '${quoted}' AND "finished_at" IS NULL AND "rolled_back_at" IS NULL;`
  );
}

function resolveAdvice(provider: Provider, name: string): string {
  return (
    `Fix prisma/migrations/${provider}/${name}/migration.sql, then mark the failed attempt rolled back ` +
    `(\`prisma migrate resolve --rolled-back ${name}\`, or: ${rollbackStatement(provider, name)}) and run the migrations again.`
  );
}

/**
 * The migrations still to apply, after Prisma's checks on the history (apply_migrations.rs): rows marked
 * rolled back are ignored; an unfinished row is a failed migration that blocks everything.
 */
function pendingMigrations(local: LocalMigration[], rows: MigrationRow[], provider: Provider): LocalMigration[] {
  const active = rows.filter((row) => row.rolled_back_at === null);
  const failed = active.find((row) => row.finished_at === null);
  if (failed) {
    const logs = failed.logs?.trim() ? ` Its logs: ${failed.logs.trim()}` : "";
    throw new MigrationError(
      "migration.previous_failed",
      `Migration ${failed.migration_name} failed in an earlier run and blocks new migrations. ` +
        `${resolveAdvice(provider, failed.migration_name)}${logs}`,
    );
  }
  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const row of active) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        "migration.missing_locally",
        `Migration ${row.migration_name} is applied to the database but missing from prisma/migrations/${provider}/: ` +
          "restore it (the database is ahead of this code) before running migrations.",
      );
    }
    if (!checksumMatches(file.script, row.checksum)) {
      throw new MigrationError(
        "migration.checksum_mismatch",
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} in the database, ` +
          `${file.checksum} on disk): restore the applied version and put the change in a new migration.`,
      );
    }
  }
  const applied = new Set(active.map((row) => row.migration_name));
  return local.filter((migration) => !applied.has(migration.name));
}

function failedLogs(name: string, databaseErrorCode: string, databaseError: string): string {
  return `${FAILED_LOGS_HEADER}\n\nMigration name: ${name}\n\nDatabase error code: ${databaseErrorCode}\n\nDatabase error:\n${databaseError}`;
}

function failedError(provider: Provider, name: string, databaseError: string): MigrationError {
  return new MigrationError(
    "migration.failed",
    `Migration ${name} failed and was rolled back: ${databaseError.replaceAll("\n", " ")}. ` +
      `It is recorded as failed in _prisma_migrations. ${resolveAdvice(provider, name)}`,
  );
}

function notEmptyError(tables: string[]): MigrationError {
  // Prisma's P3005 (sql_migration_persistence.rs initialize).
  return new MigrationError(
    "migration.database_not_empty",
    `The database already has tables (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", ..." : ""}) but no ` +
      "_prisma_migrations table: it was not created by these migrations, so none are applied to it.",
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------------
// SQLite (better-sqlite3). Everything between BEGIN IMMEDIATE and COMMIT is synchronous: the write
// lock is never held across an await, so runners in one process cannot deadlock one another, and
// every step re-reads the history under the lock, so runners in several processes apply each
// migration once.

type SqliteStep = { kind: "done" } | { kind: "applied"; name: string } | { kind: "failed"; error: MigrationError };

function sqliteTables(db: Database.Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

function sqliteEnsureMigrationsTable(db: Database.Database): void {
  const tables = sqliteTables(db);
  if (tables.includes(MIGRATIONS_TABLE)) return;
  if (tables.length > 0) throw notEmptyError(tables);
  db.exec(SQLITE_MIGRATIONS_TABLE_DDL);
}

function sqliteErrorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "none";
}

/** Runs a script in a savepoint; foreign keys are off on this connection, so they are checked at the end. */
function sqliteApplyScript(db: Database.Database, script: string): void {
  db.exec("SAVEPOINT prisma_migration");
  try {
    db.exec(script);
    const violations = db.prepare("PRAGMA foreign_key_check").all() as Array<{ table: string; parent: string }>;
    const first = violations[0];
    if (first) {
      throw Object.assign(
        new Error(`FOREIGN KEY constraint failed: ${violations.length} row(s), e.g. in ${first.table} referencing ${first.parent}`),
        { code: "SQLITE_CONSTRAINT_FOREIGNKEY" },
      );
    }
    db.exec("RELEASE prisma_migration");
  } catch (error) {
    db.exec("ROLLBACK TO prisma_migration");
    db.exec("RELEASE prisma_migration");
    throw error;
  }
}

/** One migration (or none) under the write lock: re-read the history, apply the next pending one. */
function sqliteStep(db: Database.Database, local: LocalMigration[], log: (line: string) => void): SqliteStep {
  db.exec("BEGIN IMMEDIATE");
  try {
    sqliteEnsureMigrationsTable(db);
    const rows = db
      .prepare(`SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`)
      .all() as MigrationRow[];
    const next = pendingMigrations(local, rows, "sqlite")[0];
    if (!next) {
      db.exec("COMMIT");
      return { kind: "done" };
    }
    log(`Applying migration ${next.name}`);
    // Prisma's SQLite connector stores timestamps as integer Unix milliseconds (quaint sqlite conversion.rs).
    const startedAt = Date.now();
    const insert = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) ` +
        "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
    );
    let step: SqliteStep;
    try {
      sqliteApplyScript(db, next.script);
      insert.run(randomUUID(), next.checksum, Date.now(), next.name, null, startedAt, 1);
      step = { kind: "applied", name: next.name };
    } catch (error) {
      const logs = failedLogs(next.name, sqliteErrorCode(error), errorText(error));
      insert.run(randomUUID(), next.checksum, null, next.name, logs, startedAt, 0);
      step = { kind: "failed", error: failedError("sqlite", next.name, errorText(error)) };
    }
    db.exec("COMMIT");
    return step;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}

function runSqlite(filename: string, local: LocalMigration[], log: (line: string) => void, timeoutMs: number): string[] {
  mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename, { timeout: timeoutMs });
  try {
    // SQLite's schema-change procedure (sqlite.org/lang_altertable.html): with foreign keys on, the
    // DROP TABLE of a table redefinition would cascade deletes. Prisma's engine runs with them off too.
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    for (;;) {
      let step: SqliteStep;
      try {
        step = sqliteStep(db, local, log);
      } catch (error) {
        if (sqliteErrorCode(error) === "SQLITE_BUSY") {
          throw new MigrationError("migration.lock_timeout", `Another migration run held the SQLite write lock for over ${timeoutMs} ms.`);
        }
        throw error;
      }
      if (step.kind === "done") return applied;
      if (step.kind === "failed") throw step.error;
      log(`Applied migration ${step.name}`);
      applied.push(step.name);
    }
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL (pg). One connection holds Prisma's advisory lock for the whole run.

type PgClient = InstanceType<typeof pg.Client>;

async function pgLock(client: PgClient, timeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
  try {
    await client.query(`SELECT pg_advisory_lock(${POSTGRES_LOCK_ID})`);
  } catch (error) {
    if ((error as { code?: unknown }).code === "55P03") {
      throw new MigrationError("migration.lock_timeout", `Another migration run held the PostgreSQL migration lock for over ${timeoutMs} ms.`);
    }
    throw error;
  } finally {
    await client.query("RESET lock_timeout");
  }
}

async function pgEnsureMigrationsTable(client: PgClient): Promise<void> {
  // Prisma looks at ordinary tables of the connection's schema (flavour/postgres.rs table_names).
  const result = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
      "WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY c.relname",
  );
  const tables = result.rows.map((row) => row.name);
  if (tables.includes(MIGRATIONS_TABLE)) return;
  if (tables.length > 0) throw notEmptyError(tables);
  await client.query(POSTGRES_MIGRATIONS_TABLE_DDL);
}

/** Like tokio-postgres's DbError display, which Prisma stores: "ERROR: message", DETAIL and HINT lines. */
function pgErrorText(error: unknown): string {
  const fields = error as { severity?: string; message?: string; detail?: string; hint?: string };
  const lines = [`${fields.severity ?? "ERROR"}: ${fields.message ?? String(error)}`];
  if (fields.detail) lines.push(`DETAIL: ${fields.detail}`);
  if (fields.hint) lines.push(`HINT: ${fields.hint}`);
  return lines.join("\n");
}

const PG_INSERT =
  `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) ` +
  "VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)";

/** One migration in one transaction; a failure rolls its changes back and commits the failed row. */
async function pgApply(client: PgClient, migration: LocalMigration): Promise<MigrationError | null> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    await client.query("SAVEPOINT prisma_migration");
    let failure: MigrationError | null = null;
    try {
      // No parameters: pg sends the script with the simple query protocol, several statements at once,
      // as Prisma does (postgres/connection.rs apply_migration_script).
      await client.query(migration.script);
      await client.query(PG_INSERT, [randomUUID(), migration.checksum, new Date(), migration.name, null, startedAt, 1]);
    } catch (error) {
      await client.query("ROLLBACK TO SAVEPOINT prisma_migration");
      const code = (error as { code?: unknown }).code;
      const text = pgErrorText(error);
      const logs = failedLogs(migration.name, typeof code === "string" ? code : "none", text);
      await client.query(PG_INSERT, [randomUUID(), migration.checksum, null, migration.name, logs, startedAt, 0]);
      failure = failedError("postgresql", migration.name, text);
    }
    await client.query("COMMIT");
    return failure;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function runPostgres(
  connectionString: string,
  local: LocalMigration[],
  log: (line: string) => void,
  timeoutMs: number,
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  let locked = false;
  try {
    await pgLock(client, timeoutMs);
    locked = true;
    await pgEnsureMigrationsTable(client);
    const rows = await client.query<MigrationRow>(
      `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const applied: string[] = [];
    for (const migration of pendingMigrations(local, rows.rows, "postgresql")) {
      log(`Applying migration ${migration.name}`);
      const failure = await pgApply(client, migration);
      if (failure) throw failure;
      log(`Applied migration ${migration.name}`);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    if (locked) await client.query(`SELECT pg_advisory_unlock(${POSTGRES_LOCK_ID})`).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

/**
 * Brings the database named by `databaseUrl` up to date with prisma/migrations/<provider>/, each
 * migration in its own transaction, and returns the names applied by this run ([] when up to date).
 * `log` gets "Applying migration <name>" / "Applied migration <name>" lines; callers print a summary.
 * Throws MigrationError (see MigrationErrorCode) when the history forbids going on.
 */
export async function runMigrations(options: RunMigrationsOptions): Promise<{ applied: string[] }> {
  const target = databaseTarget(options.databaseUrl);
  const root = options.migrationsRoot ?? path.join(process.cwd(), "prisma/migrations");
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const local = await readLocalMigrations(root, target.provider);
  const applied =
    target.provider === "sqlite"
      ? runSqlite(target.filename, local, log, timeoutMs)
      : await runPostgres(target.connectionString, local, log, timeoutMs);
  return { applied };
}
