import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { onExit } from "./cleanup";
import { freePort } from "./free-port";
import { runDir } from "./run-dir";

/** The org every fault-test server bootstraps (first run) or finds (later starts). */
export const FAULTS_ADMIN_TOKEN = "00faultsAdminApiToken00000000000000000000";
export const FAULTS_ADMIN_EMAIL = "admin@faults.test";
export const FAULTS_ADMIN_PASSWORD = "faults-Admin-password-1";
const APP_SECRET = "faults-app-secret-faults-app-secret-faults-app-secret";
/** Kept of a server's output in memory (the whole of it is in its log file under the run dir). */
const OUTPUT_LIMIT = 4 * 1024 * 1024;

export type ServerOptions = {
  /** DATABASE_URL: a private cluster's database, or `file:<path>` for SQLite. */
  databaseUrl: string;
  /** The public base URL (several instances of one org share it); default: this instance's origin. */
  orgUrl?: string;
  /** Default: a free port. */
  port?: number;
  /** Extra environment (deadlines, pool size...), on top of the production defaults. */
  env?: Record<string, string>;
  /** For log lines and file names. */
  name?: string;
  /** How long start() waits for /api/health to answer 200 (default 90 s: migrations, bootstrap). */
  startTimeoutMs?: number;
};

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/**
 * One `npm start` server (`node lib/cli/server.mjs`, production build of NEXT_DIST_DIR or .next) on
 * 127.0.0.1 and its own port. Its stdout and stderr are kept (output()) and written to
 * `<run dir>/<name>-<port>.log`. kill() sends a signal and waits for the exit; start() again runs a
 * new process on the same port, database and environment (a restart).
 */
export class ServerInstance {
  private child: ChildProcess | null = null;
  private exit: Promise<Exit> = Promise.resolve({ code: null, signal: null });
  private text = "";
  private readonly logFile: string;
  /** Every process this instance has been, with how each ended (a crash shows here). */
  readonly exits: Exit[] = [];

  private constructor(
    readonly port: number,
    readonly name: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly startTimeoutMs: number,
  ) {
    this.logFile = path.join(runDir(), `${name}-${port}.log`);
  }

  static async start(options: ServerOptions): Promise<ServerInstance> {
    const instance = ServerInstance.prepare(options.port ?? (await freePort()), options);
    try {
      await instance.start();
    } catch (error) {
      await instance.stop();
      throw error;
    }
    return instance;
  }

  /** An instance not started yet (startServers allocates every port before ORG_URL is known). */
  static prepare(port: number, options: ServerOptions): ServerInstance {
    const origin = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      ORG_URL: options.orgUrl ?? origin,
      DATABASE_URL: options.databaseUrl,
      APP_SECRET,
      ADMIN_EMAIL: FAULTS_ADMIN_EMAIL,
      ADMIN_PASSWORD: FAULTS_ADMIN_PASSWORD,
      ADMIN_API_TOKEN: FAULTS_ADMIN_TOKEN,
      ...options.env,
    };
    return new ServerInstance(port, options.name ?? "server", env, options.startTimeoutMs ?? 90_000);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process and waits until /api/health answers 200. */
  async start(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const child = spawn(process.execPath, ["lib/cli/server.mjs"], { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    const pidFile = path.join(runDir(), `server-${child.pid}.pid`);
    writeFileSync(pidFile, String(child.pid));
    const forget = onExit(() => child.kill("SIGKILL"));
    const keep = (chunk: Buffer) => {
      this.text = (this.text + chunk.toString()).slice(-OUTPUT_LIMIT);
      appendFileSync(this.logFile, chunk);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.exit = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        forget();
        rmSync(pidFile, { force: true });
        const exit = { code, signal };
        this.exits.push(exit);
        resolve(exit);
      });
    });
    await this.waitForHealth(this.startTimeoutMs);
  }

  /** Sends `signal` (SIGTERM by default) and resolves with how the process ended. */
  async kill(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 30_000): Promise<Exit> {
    if (!this.running) return this.exit;
    this.child!.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} did not exit within ${timeoutMs} ms of ${signal}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exit, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when the current process exits (for a test that signals it some other way). */
  exited(): Promise<Exit> {
    return this.exit;
  }

  /** SIGKILL if still running; for afterAll. */
  async stop(): Promise<void> {
    if (this.running) await this.kill("SIGKILL");
  }

  /** Everything the server printed so far (all its processes), bounded to the last 4 MiB. */
  output(): string {
    return this.text;
  }

  async waitForHealth(timeoutMs: number): Promise<void> {
    for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
      if (!this.running) throw new Error(`${this.name} exited (${JSON.stringify(this.exits.at(-1))}) before it was healthy:\n${this.text.slice(-4000)}`);
      const healthy = await fetch(`${this.origin}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => res.status === 200,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name} was not healthy within ${timeoutMs} ms:\n${this.text.slice(-4000)}`);
  }
}

/**
 * `count` instances of one org on one database, behind an imaginary load balancer: one ORG_URL
 * (the first instance's origin), one APP_SECRET. They start together (migrations and the first-run
 * bootstrap race, as in production).
 */
export async function startServers(count: number, options: Omit<ServerOptions, "port" | "orgUrl">): Promise<ServerInstance[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const orgUrl = `http://127.0.0.1:${ports[0]}`;
  const instances = ports.map((port, i) => ServerInstance.prepare(port, { ...options, orgUrl, name: `${options.name ?? "server"}-${i + 1}` }));
  const started = await Promise.allSettled(instances.map((instance) => instance.start()));
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await Promise.all(instances.map((instance) => instance.stop()));
    throw failed.reason;
  }
  return instances;
}

/** Servers a crashed test run left behind, from the pid files under the run dir (global teardown). */
export function killLeftoverServers(dir: string, pidFiles: string[]): void {
  for (const file of pidFiles) {
    const pid = Number(readFileSync(path.join(dir, file), "utf8"));
    const cmdline = `/proc/${pid}/cmdline`;
    if (existsSync(cmdline) && readFileSync(cmdline, "utf8").includes("lib/cli/server.mjs")) process.kill(pid, "SIGKILL");
  }
}
