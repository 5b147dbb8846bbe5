import { execFile, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { onExit } from "./cleanup";
import { freePort } from "./free-port";
import { runDir } from "./run-dir";

const run = promisify(execFile);

/** The role the servers connect as: not a superuser, so the superuser-reserved slots stay free for the test. */
export const APP_ROLE = "idp";
/** The role of the connections `holdAllConnections` opens (not a superuser either). */
const HOLDER_ROLE = "faults_holder";

export type PrivatePostgresOptions = {
  /** max_connections of the cluster (default 100); superuser_reserved_connections stays 3. */
  maxConnections?: number;
};

/**
 * A PostgreSQL cluster of its own for fault tests: initdb into a temp folder under the run dir,
 * started with pg_ctl on a free port of 127.0.0.1 (never the shared server on 5432), trust auth,
 * fsync off. It can be stopped, started, frozen (SIGSTOP to the postmaster and every backend) and
 * thawed; `destroy` removes it, and an exit hook does the same if a test dies first.
 * As root (CI) the cluster runs as the `postgres` user, since initdb refuses root.
 */
export class PrivatePostgres {
  private frozen: number[] = [];
  private readonly forgetExitHook: () => void;

  private constructor(
    readonly port: number,
    private readonly baseDir: string,
  ) {
    this.forgetExitHook = onExit(() => this.destroySync());
  }

  static async create(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
    const baseDir = mkdtempSync(path.join(runDir(), "pg-"));
    const owner = clusterOwner();
    if (owner) chownSync(baseDir, owner.uid, owner.gid);
    const cluster = new PrivatePostgres(await freePort(), baseDir);
    try {
      await cluster.pgCommand("initdb", ["-D", cluster.dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
      cluster.writeConfig({
        port: cluster.port,
        listen_addresses: "127.0.0.1",
        unix_socket_directories: baseDir,
        max_connections: options.maxConnections ?? 100,
        // a throwaway cluster: speed over durability
        fsync: "off",
        synchronous_commit: "off",
        full_page_writes: "off",
      });
      await cluster.start();
      await cluster.superuserQuery("postgres", `CREATE ROLE ${APP_ROLE} LOGIN`);
      await cluster.superuserQuery("postgres", `CREATE ROLE ${HOLDER_ROLE} LOGIN`);
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.baseDir, "data");
  }

  private get logFile(): string {
    return path.join(this.baseDir, "postgres.log");
  }

  /** A connection URL for the servers under test (the non-superuser role). */
  url(database: string): string {
    return `postgresql://${APP_ROLE}@127.0.0.1:${this.port}/${database}`;
  }

  private holderUrl(database: string): string {
    return `postgresql://${HOLDER_ROLE}@127.0.0.1:${this.port}/${database}`;
  }

  superuserUrl(database = "postgres"): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A new database owned by the servers' role; returns its URL. */
  async createDatabase(name: string): Promise<string> {
    await this.superuserQuery("postgres", `CREATE DATABASE "${name}" OWNER ${APP_ROLE}`);
    return this.url(name);
  }

  /** Runs one statement as the superuser (reserved slots: works while the app role is starved). */
  async superuserQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(database: string, sql: string, values: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: this.superuserUrl(database), connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      return (await client.query<R>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Changes postgresql.conf settings (max_connections needs a restart: stop() then start()). */
  writeConfig(settings: Record<string, string | number>): void {
    const lines = Object.entries(settings).map(([key, value]) => `${key} = ${typeof value === "number" ? value : `'${value}'`}`);
    appendFileSync(path.join(this.dataDir, "postgresql.conf"), `${lines.join("\n")}\n`);
  }

  async start(): Promise<void> {
    await this.pgCommand("pg_ctl", ["-D", this.dataDir, "-l", this.logFile, "-w", "-t", "30", "start"]);
  }

  /** A fast shutdown: open connections are closed, the port stops answering. */
  async stop(): Promise<void> {
    if (this.frozen.length) this.thaw();
    await this.pgCommand("pg_ctl", ["-D", this.dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
  }

  /** SIGSTOP to the postmaster, then to every process under it: connections stay open, nothing answers. */
  freeze(): void {
    if (this.frozen.length) throw new Error("the cluster is already frozen");
    const postmaster = this.postmasterPid();
    process.kill(postmaster, "SIGSTOP");
    this.frozen = [postmaster, ...descendantsOf(postmaster)];
    for (const pid of this.frozen.slice(1)) signalIfAlive(pid, "SIGSTOP");
  }

  /** SIGCONT to every process `freeze` stopped, backends first. */
  thaw(): void {
    for (const pid of [...this.frozen].reverse()) signalIfAlive(pid, "SIGCONT");
    this.frozen = [];
  }

  /**
   * Takes every connection slot the servers' role can have, as a crowd of other clients would:
   * the servers' role is shut out for a moment (CONNECTION LIMIT 0) while its connections to the
   * cluster are ended and, once they are gone, the freed slots are filled with idle connections of
   * another non-superuser role until the server refuses more ("remaining connection slots are
   * reserved", 53300); then the servers' role is let in again, to find no slot. Resolves with the
   * number held and a release function.
   */
  async holdAllConnections(database: string, timeoutMs = 10_000): Promise<{ held: number; release: () => Promise<void> }> {
    // the superuser's own connection stays open until release: closing it would free a slot
    const admin = new pg.Client({ connectionString: this.superuserUrl(database) });
    const holders: pg.Client[] = [admin];
    const release = async () => {
      await Promise.all(holders.splice(0).map((client) => client.end().catch(() => undefined)));
    };
    admin.on("error", () => undefined);
    await admin.connect();
    try {
      await admin.query(`ALTER ROLE ${APP_ROLE} CONNECTION LIMIT 0`);
      for (const started = Date.now(); ; ) {
        if (Date.now() - started > timeoutMs) throw new Error(`the servers' connections did not end within ${timeoutMs} ms`);
        const { rows } = await admin.query<{ pid: number }>("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [APP_ROLE]);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      for (;;) {
        const client = new pg.Client({ connectionString: this.holderUrl(database) });
        client.on("error", () => undefined); // a holder ended by destroy() or stop()
        const refused = await client.connect().then(
          () => false,
          (error: { code?: string }) => {
            if (error.code !== "53300") throw error;
            return true;
          },
        );
        if (refused) break;
        holders.push(client);
      }
      return { held: holders.length - 1, release };
    } catch (error) {
      await release();
      throw error;
    } finally {
      await this.superuserQuery(database, `ALTER ROLE ${APP_ROLE} CONNECTION LIMIT -1`).catch(() => undefined);
    }
  }

  /** The last lines of the cluster's log (for a failure message). */
  logTail(lines = 40): string {
    if (!existsSync(this.logFile)) return "";
    return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
  }

  async destroy(): Promise<void> {
    this.destroySync();
  }

  private destroySync(): void {
    this.forgetExitHook();
    if (this.frozen.length) this.thaw();
    if (existsSync(path.join(this.dataDir, "postmaster.pid"))) {
      spawnSync(...asClusterOwner(pgBinary("pg_ctl"), ["-D", this.dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]), { stdio: "ignore" });
    }
    rmSync(this.baseDir, { recursive: true, force: true });
  }

  private postmasterPid(): number {
    const pid = Number(readFileSync(path.join(this.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error("no postmaster pid");
    return pid;
  }

  private async pgCommand(name: string, args: string[]): Promise<void> {
    const [file, argv] = asClusterOwner(pgBinary(name), args);
    try {
      // a clean environment: no PGDATA, PGPORT... of the caller
      const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C.UTF-8" };
      await run(file, argv, { env, cwd: this.baseDir });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${name} ${args.join(" ")} failed: ${stderr || stdout || (error as Error).message}\n${this.logTail()}`);
    }
  }
}

export function startPrivatePostgres(options?: PrivatePostgresOptions): Promise<PrivatePostgres> {
  return PrivatePostgres.create(options);
}

/** Clusters a crashed test run left running under the run dir (global teardown): stopped at once. */
export function stopLeftoverClusters(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const dataDir = path.join(dir, entry, "data");
    if (!entry.startsWith("pg-") || !existsSync(path.join(dataDir, "postmaster.pid"))) continue;
    // a frozen postmaster would ignore the shutdown request
    const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    for (const pid of [postmaster, ...descendantsOf(postmaster)]) signalIfAlive(pid, "SIGCONT");
    spawnSync(...asClusterOwner(pgBinary("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]), { stdio: "ignore" });
  }
}

/** Newest PostgreSQL's server binaries (Debian keeps them off PATH). */
function pgBinary(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", name))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`PostgreSQL's ${name} is not installed (apt-get install postgresql)`);
  return path.join(root, versions[0]!, "bin", name);
}

/** As root, the cluster belongs to the `postgres` user; otherwise to whoever runs the tests. */
function clusterOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("running as root needs a `postgres` user to own the private cluster");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function asClusterOwner(file: string, args: string[]): [string, string[]] {
  return clusterOwner() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

/** Every process below `root` (PostgreSQL's backends and auxiliary processes), from /proc. */
function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  for (const queue = [root]; queue.length; ) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function signalIfAlive(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // the process has gone
  }
}
