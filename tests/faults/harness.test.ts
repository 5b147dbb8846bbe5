import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoad } from "./support/load";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import { summarize } from "./support/report";
import { ServerInstance } from "./support/server-instance";

// The fault-test harness itself: what the other fault tests rely on really happens. A frozen
// cluster holds a query, a stopped one refuses, a starved one refuses the servers' role; a server
// killed with SIGKILL is seen dead by the load generator and answers again after a restart.

async function selectOne(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000, query_timeout: 1_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return String((await client.query("SELECT 1 AS one")).rows[0].one);
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    client.end().catch(() => undefined);
  }
}

describe("private PostgreSQL cluster", () => {
  let cluster: PrivatePostgres;
  let url: string;
  beforeAll(async () => {
    cluster = await startPrivatePostgres({ maxConnections: 10 });
    url = await cluster.createDatabase("harness");
  });
  afterAll(() => cluster?.destroy());

  it("runs on its own port, never the shared server's", () => {
    expect(cluster.port).not.toBe(5432);
    expect(url).toBe(`postgresql://idp@127.0.0.1:${cluster.port}/harness`);
  });

  it("freezes and thaws, stops and starts, and can be starved", async () => {
    expect(await selectOne(url)).toBe("1");
    cluster.freeze();
    expect(await selectOne(url)).toMatch(/timeout/i);
    cluster.thaw();
    expect(await selectOne(url)).toBe("1");
    await cluster.stop();
    expect(await selectOne(url)).toBe("ECONNREFUSED");
    await cluster.start();
    expect(await selectOne(url)).toBe("1");
    const { held, release } = await cluster.holdAllConnections("harness");
    expect(held).toBe(10 - 3 - 1); // max_connections - superuser_reserved_connections - the superuser's own
    expect(await selectOne(url)).toBe("53300");
    await release();
    expect(await selectOne(url)).toBe("1");
  });
});

describe("server instance and load", () => {
  let server: ServerInstance;
  beforeAll(async () => {
    server = await ServerInstance.start({ databaseUrl: `file:${process.env.FAULTS_RUN_DIR}/harness.db`, name: "harness" });
  });
  afterAll(() => server?.stop());

  it("records answers, a SIGKILL's refused connections, and answers again after a restart", async () => {
    const discovery = { name: "discovery", request: { path: "/oauth2/default/.well-known/openid-configuration" } };
    const healthy = await startLoad({ origins: [server.origin], targets: [discovery], concurrency: 2, durationMs: 5_000, maxRequests: 20 }).done;
    expect(summarize(healthy)).toMatchObject([{ target: "discovery", count: 20, outcomes: { 200: 20 } }]);

    expect(await server.kill("SIGKILL")).toEqual({ code: null, signal: "SIGKILL" });
    const down = await startLoad({ origins: [server.origin], targets: [discovery], concurrency: 1, durationMs: 5_000, maxRequests: 3 }).done;
    expect(summarize(down)).toMatchObject([{ outcomes: { ECONNREFUSED: 3 } }]);

    await server.start();
    const again = await startLoad({ origins: [server.origin], targets: [discovery], concurrency: 1, durationMs: 5_000, maxRequests: 3 }).done;
    expect(summarize(again)).toMatchObject([{ outcomes: { 200: 3 } }]);
    expect(server.output()).toMatch(/Ready on port/);
  });
});
