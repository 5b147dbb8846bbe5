// npm run bench:prune: does housekeeping stall the token endpoint? A server process (this file with
// --server: the protocol fast path of `npm start` on a plain Node HTTP server, in-process
// housekeeping, a fresh bootstrapped database) is loaded with client_credentials requests by
// autocannon from this process (10 keep-alive connections), first flat out to measure its capacity,
// then at LOAD_SHARE (default half) of that rate, three ways: with nothing else going on;
// while pruneExpiredRows deletes PRUNE_ROWS (default 300,000) expired System Log events in batches;
// and while the same rows go in one DELETE, as housekeeping did before. Each loaded run lasts as
// long as its prune (at least BENCH_DURATION seconds, default 10, for the quiet run) and reports
// req/s, p50/p99 and errors; the batched prune's p99 must stay within 2x of the quiet one. On SQLite,
// and on PostgreSQL too when TEST_POSTGRES_URL names a server to create a database on.
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { getAppContext } from "@/lib/app-context";
import { createProtocolFastPath } from "@/lib/cli/protocol-fast-path";
import { pruneExpiredRows } from "@/lib/housekeeping/prune-expired-rows";
import { insertSystemLogRows } from "@/lib/system-log/insert-system-log-rows";
import { systemLogRow } from "@/lib/system-log/write-system-log";
import { createOidcApp } from "../storage/measure-token-storage";
import { createAdminFixture } from "../support/admin-fixture";
import type { TestProvider } from "../support/test-databases";

const DAY_MS = 86_400_000;
const PRUNE_ROWS = Number(process.env.PRUNE_ROWS ?? 300_000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 10;
/** The measured runs offer this share of the server's capacity: busy, not saturated. */
const LOAD_SHARE = Number(process.env.LOAD_SHARE ?? 0.5);
/** PRUNE_BATCH, PRUNE_PAUSE_MS and PRUNE_SHARE try other settings than housekeeping's defaults. */
const PRUNE_OPTIONS = {
  ...(process.env.PRUNE_BATCH ? { batchSize: Number(process.env.PRUNE_BATCH) } : {}),
  ...(process.env.PRUNE_PAUSE_MS ? { pauseMs: Number(process.env.PRUNE_PAUSE_MS) } : {}),
  ...(process.env.PRUNE_SHARE ? { share: Number(process.env.PRUNE_SHARE) } : {}),
};

type Command = { id: number; run: "seed" | "prune-batched" | "prune-single" | "close" };
type Reply = { id: number; ms: number; deleted: number };

/** The server side: a fresh database, a service app, the fast path on a free port; then commands. */
async function serve(provider: TestProvider): Promise<void> {
  const f = await createAdminFixture(provider);
  const scope = await f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "bench", description: "Benchmark scope", default: true, metadataPublish: "ALL_CLIENTS" });
  if (scope.status !== 201) throw new Error(`creating the scope failed: ${scope.text}`);
  const { clientId, basic } = await createOidcApp(f, "Benchmark service", { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] });
  const fastPath = createProtocolFastPath(getAppContext);
  const server = createServer((request, response) => {
    if (!fastPath(request, response)) response.writeHead(404).end();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const probe = await fetch(`http://127.0.0.1:${port}/oauth2/default/v1/token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${basic}` }, body: "grant_type=client_credentials" });
  if (probe.status !== 200) throw new Error(`client_credentials failed: ${probe.status} ${await probe.text()}`);
  process.send!({ ready: true, port, basic });

  const expiredAt = new Date(f.clock.now.getTime() - 100 * DAY_MS);
  process.on("message", async ({ id, run }: Command) => {
    const started = performance.now();
    let deleted = 0;
    if (run === "seed") {
      // rows the size of a client_credentials event, published 100 days ago (past the 90-day retention)
      for (let i = 0; i < PRUNE_ROWS; i += 500) {
        const rows = Array.from({ length: Math.min(500, PRUNE_ROWS - i) }, (_, j) =>
          systemLogRow(
            {
              eventType: "app.oauth2.as.token.grant.access_token",
              displayMessage: "OAuth2 access token is granted",
              actor: { id: clientId, type: "PublicClientApp", alternateId: clientId, displayName: "Benchmark service" },
              client: { ipAddress: "127.0.0.1", userAgent: "autocannon" },
              outcome: { result: "SUCCESS" },
              target: [{ id: `AT.seed${i + j}`, type: "access_token", detailEntry: { expires: expiredAt.toISOString() } }],
              debugContext: { grantType: "client_credentials", clientAuthMethod: "client_secret_basic", scopes: "" },
            },
            new Date(expiredAt.getTime() + i + j),
          ),
        );
        await insertSystemLogRows(f.db, rows);
      }
    } else if (run === "prune-batched") {
      deleted = (await pruneExpiredRows(f.db, f.clock.now, { budgetMs: 600_000, ...PRUNE_OPTIONS })).deleted.systemLogEvents ?? 0;
    } else if (run === "prune-single") {
      // housekeeping before batching: every expired row in one statement (one transaction)
      deleted = (await f.db.systemLogEvent.deleteMany({ where: { published: { lt: f.clock.now.getTime() - 90 * DAY_MS } } })).count;
    } else {
      server.close();
      await f.close();
    }
    process.send!({ id, ms: performance.now() - started, deleted } satisfies Reply);
    if (run === "close") process.exit(0);
  });
}

type Load = { rps: number; p50: number; p99: number; max: number; errors: number; requests: number };

/** Loads the token endpoint until `until` settles (and at least minSeconds), at `rate` req/s (0: as fast as it answers). */
function loadWhile(port: number, basic: string, until: Promise<unknown>, minSeconds: number, rate = 0): Promise<Load> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/oauth2/default/v1/token`,
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${basic}` },
        body: "grant_type=client_credentials",
        connections: CONNECTIONS,
        duration: 3600,
        ...(rate > 0 ? { overallRate: rate } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors + result.timeouts + result.non2xx, requests: result.requests.total });
      },
    );
    const minimum = new Promise((r) => setTimeout(r, minSeconds * 1000));
    void Promise.all([until, minimum]).then(() => instance.stop());
  });
}

async function bench(provider: TestProvider): Promise<boolean> {
  const child: ChildProcess = fork(__filename, ["--server", provider], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise<{ port: number; basic: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { port: number; basic: string }));
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  let next = 0;
  const send = (run: Command["run"]) =>
    new Promise<Reply>((resolve) => {
      const id = ++next;
      const listen = (reply: Reply) => {
        if (reply.id !== id) return;
        child.off("message", listen);
        resolve(reply);
      };
      child.on("message", listen);
      child.send({ id, run } satisfies Command);
    });
  const { port, basic } = ready;

  // warm-up (JIT, caches, pool) at full speed, which measures the capacity; then a busy server's load
  const capacity = await loadWhile(port, basic, Promise.resolve(), 5);
  const rate = Math.round((capacity.rps * LOAD_SHARE) / 10) * 10;
  const quiet = await loadWhile(port, basic, Promise.resolve(), DURATION_S, rate);
  const seeded = await send("seed");
  let batched: Reply | undefined;
  const duringBatched = await loadWhile(port, basic, send("prune-batched").then((r) => (batched = r)), 1, rate);
  await send("seed");
  let single: Reply | undefined;
  const duringSingle = await loadWhile(port, basic, send("prune-single").then((r) => (single = r)), 1, rate);
  await send("close");

  const ratio = duringBatched.p99 / quiet.p99;
  console.log(`\n${provider}: ${PRUNE_ROWS} expired System Log rows (seeded in ${(seeded.ms / 1000).toFixed(1)} s), client_credentials at ${rate} req/s (${LOAD_SHARE * 100}% of the ${capacity.rps.toFixed(0)} req/s it answers flat out), ${CONNECTIONS} connections`);
  console.log("run".padEnd(44) + "req/s".padStart(8) + "p50 ms".padStart(8) + "p99 ms".padStart(8) + "max ms".padStart(8) + "errors".padStart(8));
  const row = (name: string, load: Load) =>
    console.log(name.padEnd(44) + load.rps.toFixed(0).padStart(8) + String(load.p50).padStart(8) + String(load.p99).padStart(8) + String(load.max).padStart(8) + String(load.errors).padStart(8));
  row("no prune", quiet);
  row(`batched prune (${batched!.deleted} rows, ${(batched!.ms / 1000).toFixed(1)} s)`, duringBatched);
  row(`one DELETE, as before (${single!.deleted} rows, ${(single!.ms / 1000).toFixed(1)} s)`, duringSingle);
  const ok = ratio <= 2 && duringBatched.errors === 0 && batched!.deleted === PRUNE_ROWS;
  console.log(`  p99 during the batched prune / p99 without: ${ratio.toFixed(2)}x ${ok ? "(meets" : "(MISSES"} target <= 2x)`);
  return ok;
}

async function main(): Promise<void> {
  if (process.argv[2] === "--server") return serve(process.argv[3] as TestProvider);
  const providers: TestProvider[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];
  let ok = true;
  for (const provider of providers) ok = (await bench(provider)) && ok;
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
