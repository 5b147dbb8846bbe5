import { Agent, get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, startLoad, type LoadRecord, type LoadTarget } from "./support/load";
import { createServiceClient, formHeaders } from "./support/org";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import { printPhases } from "./support/report";
import { FAULTS_ADMIN_TOKEN, ServerInstance, type ServerOptions } from "./support/server-instance";

// Issue 13, item 7 (and the token-event part of 8): `npm start`'s production server under
// keep-alive load (client_credentials and discovery), on SQLite and on a private PostgreSQL
// cluster, shut down with SIGTERM:
// - behind a load balancer (SHUTDOWN_DELAY_MS=1000; the load stops sending once /api/health says
//   503, as a balancer would): not one failed request of any kind, health 200 -> 503 "draining",
//   answers while draining carry Connection: close (fast path and Next.js), exit 0 after the delay;
// - under blind load (SHUTDOWN_DELAY_MS=0; clients keep sending until the server is gone): the
//   server cuts off none of the requests it accepted (its own count), exits 0, and nothing but
//   refused or reset connections (requests it never read) and answers reach the clients;
// - both times every token event is in the System Log afterwards: one per token answered 200, for
//   exactly the tokens answered;
// - a second SIGTERM while draining exits at once with 143.
// And on PostgreSQL with the database stopped under client_credentials load (the client is
// cached, so tokens keep being issued): the token events are held in memory and written once it
// is back, before the shutdown's exit 0; a SIGTERM while it is still down exits 1 at
// SHUTDOWN_TIMEOUT_MS, naming how many events were not written, and exactly those are missing.

const TOKEN_EVENT = "app.oauth2.as.token.grant.access_token";
const LOAD = { concurrency: 12, durationMs: 20_000, maxRequests: 20_000, requestTimeoutMs: 15_000, keepBodies: "all" as const };

type Database = { name: string; url: () => Promise<string> };
let cluster: PrivatePostgres | null = null;
/** The file's private PostgreSQL cluster, started on first use. */
async function postgres(): Promise<PrivatePostgres> {
  cluster ??= await startPrivatePostgres({ maxConnections: 30 });
  return cluster;
}
const databases: Database[] = [
  { name: "SQLite", url: async () => `file:${process.env.FAULTS_RUN_DIR}/shutdown.db` },
  { name: "PostgreSQL", url: async () => (await postgres()).createDatabase("shutdown") },
];
const started: ServerInstance[] = [];

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
  await cluster?.destroy();
});

async function startServer(databaseUrl: string, name: string, env: ServerOptions["env"]): Promise<ServerInstance> {
  const server = await ServerInstance.start({ databaseUrl, name, env });
  started.push(server);
  return server;
}

/** The two targets of the load, for one service client. */
function targets(client: Awaited<ReturnType<typeof createServiceClient>>): LoadTarget[] {
  return [
    { name: "client_credentials", request: { method: "POST", path: "/oauth2/default/v1/token", headers: formHeaders(client), body: `grant_type=client_credentials&scope=${client.scope}` } },
    { name: "discovery", request: { path: "/oauth2/default/.well-known/openid-configuration" } },
  ];
}

/** /api/health over a new connection every 50 ms until the server stops answering; `on503` runs at the first 503. */
function pollHealth(origin: string, on503: () => void = () => {}) {
  const records: Array<LoadRecord & { text: string }> = [];
  const done = (async () => {
    for (;;) {
      const { record, text } = await send(origin, { path: "/api/health" }, { timeoutMs: 5_000 });
      records.push({ ...record, text });
      if (record.status === 503 && !records.slice(0, -1).some((earlier) => earlier.status === 503)) on503();
      if (record.status === 0) return records;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return { records, done };
}

/** The Connection header of a GET answered over a keep-alive connection. */
function connectionHeader(origin: string, path: string): Promise<string | undefined> {
  const agent = new Agent({ keepAlive: true });
  return new Promise<string | undefined>((resolve, reject) => {
    get(`${origin}${path}`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.headers.connection));
    }).on("error", reject);
  }).finally(() => agent.destroy());
}

/** The jti of every access token answered 200. */
function issuedJtis(records: LoadRecord[]): string[] {
  return records
    .filter((record) => record.target === "client_credentials" && record.status === 200)
    .map((record) => {
      const token = JSON.parse(record.body!).access_token as string;
      return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).jti as string;
    });
}

/** The access-token ids of a client's token events in the System Log (every page of /api/v1/logs). */
async function loggedJtis(origin: string, clientId: string, since: number): Promise<string[]> {
  const filter = encodeURIComponent(`eventType eq "${TOKEN_EVENT}" and actor.id eq "${clientId}"`);
  const jtis: string[] = [];
  let url: string | null = `${origin}/api/v1/logs?filter=${filter}&since=${new Date(since - 60_000).toISOString()}&limit=1000`;
  while (url) {
    const res: Response = await fetch(url, { headers: { Authorization: `SSWS ${FAULTS_ADMIN_TOKEN}`, Accept: "application/json" } });
    expect(res.status).toBe(200);
    for (const event of (await res.json()) as Array<{ target: Array<{ id: string; type: string }> }>) {
      jtis.push(...event.target.filter((target) => target.type === "access_token").map((target) => target.id));
    }
    url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get("link") ?? "")?.[1] ?? null;
  }
  return jtis;
}

describe.each(databases)("graceful shutdown on $name", (database) => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await database.url();
  });

  it("behind a load balancer: no failed request, health 503 while draining, exit 0, every token event written", async () => {
    const server = await startServer(databaseUrl, `${database.name}-balanced`, { SHUTDOWN_DELAY_MS: "1000" });
    const client = await createServiceClient(server.origin, `Shutdown balanced ${database.name}`);
    const loadStarted = Date.now();
    const load = startLoad({ origins: [server.origin], targets: targets(client), ...LOAD });
    let whileDraining: Promise<Array<string | undefined>> | null = null;
    const health = pollHealth(server.origin, () => {
      void load.stop(); // the balancer takes the instance out at its first 503
      whileDraining = Promise.all(["/oauth2/default/.well-known/openid-configuration", "/api/health"].map((path) => connectionHeader(server.origin, path)));
    });
    expect(await connectionHeader(server.origin, "/api/health")).toBe("keep-alive");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const signalled = Date.now();
    const exit = await server.kill("SIGTERM");
    const exited = Date.now();
    const records = await load.stop();
    const polls = await health.done;
    printPhases(`SIGTERM behind a balancer, ${database.name}`, [...records, ...polls], [
      { name: "serving", from: loadStarted, to: signalled },
      { name: "draining", from: signalled, to: exited + 1 },
    ]);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(exited - signalled).toBeGreaterThanOrEqual(1_000);
    expect(records.filter((record) => record.status !== 200)).toEqual([]);
    expect(records.filter((record) => record.at >= signalled).length).toBeGreaterThan(0); // answered while draining
    // The balancer's view: healthy until the signal, then 503 "draining" until the listener closes.
    expect(polls.map((poll) => poll.status).join(" ")).toMatch(/^(200 )+(503 )+0$/);
    expect(await whileDraining).toEqual(["close", "close"]); // the fast path and Next.js alike
    expect(polls.filter((poll) => poll.status === 503).every((poll) => JSON.parse(poll.text).status === "draining" && poll.at + poll.latencyMs >= signalled)).toBe(true);
    expect(server.output()).toMatch(/\[shutdown\] done: \d+ request\(s\) answered while draining, 0 cut off; System Log written, database closed/);

    const after = await startServer(databaseUrl, `${database.name}-count`, {});
    const issued = issuedJtis(records);
    expect(issued.length).toBeGreaterThan(50);
    expect((await loggedJtis(after.origin, client.id, signalled)).sort()).toEqual(issued.sort());
    await after.kill("SIGTERM");
  });

  it("under blind load: every request the server read is answered, exit 0, every token event written", async () => {
    const server = await startServer(databaseUrl, `${database.name}-blind`, { SHUTDOWN_DELAY_MS: "0" });
    const client = await createServiceClient(server.origin, `Shutdown blind ${database.name}`);
    const loadStarted = Date.now();
    const load = startLoad({ origins: [server.origin], targets: targets(client), ...LOAD });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const signalled = Date.now();
    const exit = await server.kill("SIGTERM");
    const exited = Date.now();
    const records = await load.stop();
    printPhases(`SIGTERM under blind load, ${database.name}`, records, [
      { name: "serving", from: loadStarted, to: signalled },
      { name: "draining", from: signalled, to: exited },
      { name: "gone", from: exited, to: Date.now() + 1 },
    ]);

    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toMatch(/\[shutdown\] done: \d+ request\(s\) answered while draining, 0 cut off; System Log written, database closed/);
    // Answers, or connections refused (listener closed) or reset before the server read the request
    // (a keep-alive connection closed while idle, as HTTP allows): never a 5xx, never a timeout.
    const outcomes = new Set(records.map((record) => (record.status ? String(record.status) : record.error)));
    expect([...outcomes].filter((outcome) => !["200", "ECONNREFUSED", "ECONNRESET"].includes(outcome ?? ""))).toEqual([]);
    expect(records.some((record) => record.status === 200 && record.at < signalled && record.at + record.latencyMs > signalled)).toBe(true);

    const after = await startServer(databaseUrl, `${database.name}-count`, {});
    const issued = issuedJtis(records);
    expect((await loggedJtis(after.origin, client.id, signalled)).sort()).toEqual(issued.sort());
    await after.kill("SIGTERM");
  });

  it("a second SIGTERM while draining exits at once with 143", async () => {
    const server = await startServer(databaseUrl, `${database.name}-twice`, { SHUTDOWN_DELAY_MS: "10000" });
    const health = pollHealth(server.origin);
    process.kill(server.pid!, "SIGTERM");
    for (let i = 0; i < 100 && !health.records.some((poll) => poll.status === 503); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(health.records.some((poll) => poll.status === 503)).toBe(true);
    const second = Date.now();
    expect(await server.kill("SIGTERM")).toEqual({ code: 143, signal: null });
    expect(Date.now() - second).toBeLessThan(1_000);
    expect(server.output()).toMatch(/\[shutdown\] second SIGTERM: exiting now/);
    await health.done;
  });
});

describe("graceful shutdown with the PostgreSQL database stopped", () => {
  const TIMEOUT_MS = 3_000;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await (await postgres()).createDatabase("shutdown_outage");
  });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const tokenLoad = (server: ServerInstance, client: Awaited<ReturnType<typeof createServiceClient>>) =>
    startLoad({ origins: [server.origin], targets: targets(client).slice(0, 1), ...LOAD, concurrency: 4, ratePerSecond: 100 });

  it("token events issued while the database was down are written once it is back, before exit 0", async () => {
    const server = await startServer(databaseUrl, "outage-back", { SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS) });
    const client = await createServiceClient(server.origin, "Shutdown outage back");
    const loadStarted = Date.now();
    const load = tokenLoad(server, client);
    await sleep(1_000);
    const down = Date.now();
    await cluster!.stop();
    await sleep(3_000);
    await cluster!.start();
    const up = Date.now();
    // the next retry comes at most EVENT_QUEUE_LIMITS.maxRetryMs (5 s) after the database's return
    while (!server.output().includes("[system-log] database available again") && Date.now() - up < 6_000) await sleep(100);
    const written = Date.now();
    const records = await load.stop();
    const exit = await server.kill("SIGTERM");
    console.log(`token events: written again ${written - up} ms after the database's return`);
    printPhases("token events through a database outage, PostgreSQL", records, [
      { name: "before", from: loadStarted, to: down },
      { name: "database stopped", from: down, to: up },
      { name: "after", from: up, to: Date.now() },
    ]);

    expect(exit).toEqual({ code: 0, signal: null });
    const issued = issuedJtis(records);
    expect(issuedJtis(records.filter((record) => record.at >= down && record.at + record.latencyMs < up)).length).toBeGreaterThan(20);
    expect(server.output()).toMatch(/\[system-log\] database unavailable, holding \d+ event\(s\) in memory and retrying/);
    expect(written - up).toBeLessThan(6_000);
    const after = await startServer(databaseUrl, "outage-count", {});
    expect((await loggedJtis(after.origin, client.id, down - 5_000)).sort()).toEqual(issued.sort());
    await after.kill("SIGTERM");
  });

  it("a SIGTERM while the database is down exits 1 at SHUTDOWN_TIMEOUT_MS, naming the events not written, and only those are missing", async () => {
    const server = await startServer(databaseUrl, "outage-down", { SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS) });
    const client = await createServiceClient(server.origin, "Shutdown outage down");
    const load = tokenLoad(server, client);
    await sleep(1_000);
    await cluster!.stop();
    await sleep(1_000);
    const records = await load.stop();
    const signalled = Date.now();
    const exit = await server.kill("SIGTERM");
    const took = Date.now() - signalled;
    await cluster!.start();

    expect(exit).toEqual({ code: 1, signal: null });
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(took).toBeLessThan(TIMEOUT_MS + 1_000);
    const unwritten = /\[shutdown\] not finished within SHUTDOWN_TIMEOUT_MS \(3000 ms\): 0 request\(s\) unanswered, (\d+) System Log event\(s\) not written/.exec(server.output());
    expect(unwritten).not.toBeNull();
    const issued = issuedJtis(records);
    const after = await startServer(databaseUrl, "outage-down-count", {});
    const logged = await loggedJtis(after.origin, client.id, signalled - 10_000);
    expect(logged.every((jti) => issued.includes(jti))).toBe(true);
    expect(Number(unwritten![1])).toBeGreaterThan(0);
    expect(issued.length - logged.length).toBe(Number(unwritten![1]));
    await after.kill("SIGTERM");
  });
});
