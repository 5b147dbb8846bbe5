import { existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort } from "./support/free-port";
import { startPrivatePostgres } from "./support/private-postgres";
import { runDir } from "./support/run-dir";
import { ServerInstance } from "./support/server-instance";

// Start-up fails fast and loud, before side effects (issue 14, item 9): one line on stderr, exit
// status 1, no stack (unless DEBUG=1), no credentials; the first-run banner appears once, after the
// server listens. And the embedded database is private whatever the umask (item 7).

const GENERATED_CREDENTIALS = { ADMIN_PASSWORD: "", ADMIN_API_TOKEN: "" }; // unset: the bootstrap generates and prints them
const instances: ServerInstance[] = [];
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => Promise.all(instances.map((instance) => instance.stop())));

/** A server that is expected not to start: resolves with its exit and everything it printed. */
async function failToStart(options: Parameters<typeof ServerInstance.prepare>[1] & { port?: number }) {
  const instance = ServerInstance.prepare(options.port ?? (await freePort()), { ...options, startTimeoutMs: 60_000 });
  instances.push(instance);
  const started = Date.now();
  await expect(instance.start()).rejects.toThrow(/exited .* before it was healthy/);
  const exit = await instance.exited();
  return { exit, output: instance.output(), lines: ownLines(instance.output()), ms: Date.now() - started };
}

/** What the server printed, without Next.js's own progress line ("✓ Running next.config.js took 41ms", stdout). */
function ownLines(output: string): string[] {
  return output
    .trim()
    .split("\n")
    .filter((line) => !/^✓ Running next\.config\.js took \d+ms$/.test(line));
}

function sqliteUrl(name: string): { url: string; file: string } {
  const file = path.join(runDir(), name, "app.db");
  return { url: `file:${file}`, file };
}

async function occupy(port: number): Promise<Server> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => blocker.close());
  return blocker;
}

describe("start-up failures", () => {
  it("a port in use: one line, exit 1, before migrations and bootstrap (no database, no credentials)", async () => {
    const port = await freePort();
    await occupy(port);
    const { file, url } = sqliteUrl("busy-port");
    const result = await failToStart({ port, databaseUrl: url, name: "busy-port", env: GENERATED_CREDENTIALS });
    console.log(`[startup] busy port: exit ${JSON.stringify(result.exit)} after ${result.ms} ms: ${result.output.trim()}`);
    expect(result.exit).toEqual({ code: 1, signal: null });
    expect(result.lines).toEqual([
      `Start-up failed: Cannot listen on 127.0.0.1:${port}: the port is already in use (another server is running, or choose another PORT).`,
    ]);
    expect(existsSync(file)).toBe(false);
  });

  it("with DEBUG=1 the same line is followed by the stack", async () => {
    const port = await freePort();
    await occupy(port);
    const result = await failToStart({ port, databaseUrl: sqliteUrl("busy-port-debug").url, name: "busy-port-debug", env: { DEBUG: "1" } });
    expect(result.exit.code).toBe(1);
    expect(result.lines[0]).toMatch(/^Start-up failed: Cannot listen on 127\.0\.0\.1:\d+: the port is already in use/);
    expect(result.output).toMatch(/\n\s+at /);
    expect(result.output).toContain("EADDRINUSE");
  });

  it.each([
    [{ ORG_URL: "id.example.com" }, 'Invalid configuration: ORG_URL must be an absolute http(s) URL such as https://id.example.com (got "id.example.com").'],
    [{ SERVER_HEADERS_TIMEOUT_MS: "5s" }, 'Invalid configuration: SERVER_HEADERS_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 600000 (got "5s").'],
    [{ APP_SECRET: "short" }, "Invalid configuration: APP_SECRET must be at least 32 characters of random data (e.g. `openssl rand -base64 48`)."],
  ])("invalid configuration %j: one line naming the variable, exit 1", async (env, line) => {
    const result = await failToStart({ databaseUrl: sqliteUrl("invalid-config").url, name: "invalid-config", env });
    expect(result.exit).toEqual({ code: 1, signal: null });
    expect(result.lines).toEqual([line]);
  });
});

describe("while starting", () => {
  it("the port is bound at once and answers 503 with Retry-After until migrations and bootstrap are done", async () => {
    const instance = ServerInstance.prepare(await freePort(), { databaseUrl: sqliteUrl("starting").url, name: "starting" });
    instances.push(instance);
    const statuses: string[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const answer = await fetch(`${instance.origin}/api/health`).then(
          async (res) => `${res.status} ${res.headers.get("retry-after") ?? "-"} ${(await res.text()).trim()}`,
          () => "refused",
        );
        if (statuses.at(-1) !== answer) statuses.push(answer);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await instance.start();
    polling = false;
    await poll;
    console.log(`[startup] /api/health while starting: ${statuses.join(" -> ")}`);
    expect(statuses).toContain("503 1 Starting up: try again in a moment.");
    expect(statuses.at(-1)).toMatch(/^200 - /);
  });
});

describe("first run, restart, a different APP_SECRET", () => {
  it("prints the banner once, after the server listens, keeps the files private, and refuses another APP_SECRET", async () => {
    const previousUmask = process.umask(0); // the server inherits it: every file it creates would be world-readable
    cleanups.push(() => void process.umask(previousUmask));
    const { file, url } = sqliteUrl("first-run");
    const folder = path.dirname(file);
    const secretFile = path.join(folder, "app-secret");
    // The embedded default: no APP_SECRET, a generated one in the data folder.
    const env = { ...GENERATED_CREDENTIALS, APP_SECRET: "", APP_SECRET_FILE: secretFile };
    const server = await ServerInstance.start({ databaseUrl: url, name: "first-run", env });
    instances.push(server);

    const lines = server.output().trim().split("\n");
    const ready = lines.findIndex((line) => line.startsWith(`Ready on port ${server.port}`));
    const banner = lines.findIndex((line) => line === "First run: the org is set up.");
    expect(ready).toBeGreaterThanOrEqual(0);
    expect(banner).toBeGreaterThan(ready);
    expect(server.output().match(/First run: the org is set up\./g)).toHaveLength(1);
    expect(server.output()).toMatch(/Admin password: \S{12,}/);
    expect(server.output()).toMatch(/API token: {6}SSWS 00\S+/);

    const mode = (name: string) => (statSync(name).mode & 0o777).toString(8);
    expect({ folder: mode(folder), db: mode(file), wal: mode(`${file}-wal`), shm: mode(`${file}-shm`), secret: mode(secretFile) }).toEqual({
      folder: "700",
      db: "600",
      wal: "600",
      shm: "600",
      secret: "600",
    });

    expect(await server.kill("SIGTERM")).toEqual({ code: 0, signal: null });
    await server.start();
    expect(server.output().match(/First run: the org is set up\./g)).toHaveLength(1);
    expect(await server.kill("SIGTERM")).toEqual({ code: 0, signal: null });

    const wrong = await failToStart({
      databaseUrl: url,
      name: "wrong-secret",
      env: { APP_SECRET: "another-secret-another-secret-another-secret" },
    });
    expect(wrong.exit).toEqual({ code: 1, signal: null });
    expect(wrong.lines).toEqual([
      "Invalid configuration: APP_SECRET is not the secret this org's data was encrypted with: set the APP_SECRET the org was set up with (the same on every instance).",
    ]);
  });
});

describe("several instances on PostgreSQL", () => {
  it("an instance started with another APP_SECRET than the org's refuses to start; the first keeps serving", async () => {
    const pg = await startPrivatePostgres({ maxConnections: 20 });
    cleanups.push(() => pg.destroy());
    const url = await pg.createDatabase("startup");
    const first = await ServerInstance.start({ databaseUrl: url, name: "pg-first" });
    instances.push(first);
    const other = await failToStart({ databaseUrl: url, name: "pg-other-secret", env: { APP_SECRET: "a-different-secret-a-different-secret-0123" } });
    expect(other.exit).toEqual({ code: 1, signal: null });
    expect(other.lines).toEqual([
      "Invalid configuration: APP_SECRET is not the secret this org's data was encrypted with: set the APP_SECRET the org was set up with (the same on every instance).",
    ]);
    expect((await fetch(`${first.origin}/api/health`)).status).toBe(200);
    expect(await first.kill("SIGTERM")).toEqual({ code: 0, signal: null });
  });
});
