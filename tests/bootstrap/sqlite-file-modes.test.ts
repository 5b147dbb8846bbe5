import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { secureSqliteFiles } from "@/lib/db/secure-sqlite-files";

const mode = (file: string) => statSync(file).mode & 0o777;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Runs with umask 000 (every file and folder world-writable unless the code says otherwise). */
function permissiveUmask(): void {
  const previous = process.umask(0);
  cleanups.push(() => void process.umask(previous));
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sqlite-modes-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** What the server does at start (lib/cli/prepare-server.ts), then a write so that SQLite opens its WAL and shared memory. */
async function openAndWrite(filename: string): Promise<void> {
  secureSqliteFiles(filename);
  await runMigrations({ databaseUrl: `file:${filename}` });
  const db = createDbClient(`file:${filename}`);
  cleanups.push(() => db.$disconnect());
  await db.cacheVersion.create({ data: { topic: "modes", version: 1 } });
  expect(await db.cacheVersion.count({ where: { topic: "modes" } })).toBe(1);
}

describe("SQLite files are private whatever the umask", () => {
  it("creates the folder 0700 and the database, -wal and -shm 0600 under umask 000", async () => {
    permissiveUmask();
    const folder = path.join(tempDir(), "data", "nested");
    const filename = path.join(folder, "app.db");
    await openAndWrite(filename);
    expect(existsSync(`${filename}-wal`)).toBe(true);
    expect(existsSync(`${filename}-shm`)).toBe(true);
    expect({ folder: mode(folder), parent: mode(path.dirname(folder)), db: mode(filename), wal: mode(`${filename}-wal`), shm: mode(`${filename}-shm`) }).toEqual({
      folder: 0o700,
      parent: 0o700,
      db: 0o600,
      wal: 0o600,
      shm: 0o600,
    });
  });

  it("narrows files an earlier version left readable by others, and leaves an existing folder as it was", async () => {
    permissiveUmask();
    const folder = path.join(tempDir(), "shared");
    mkdirSync(folder, { mode: 0o755 });
    const filename = path.join(folder, "app.db");
    await openAndWrite(filename);
    for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) chmodSync(file, 0o644);
    writeFileSync(`${filename}-journal`, "", { mode: 0o666 });

    secureSqliteFiles(filename);
    expect([mode(filename), mode(`${filename}-wal`), mode(`${filename}-shm`), mode(`${filename}-journal`)]).toEqual([0o600, 0o600, 0o600, 0o600]);
    expect(mode(folder)).toBe(0o755);
  });
});
