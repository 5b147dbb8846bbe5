import { Agent, createServer, request, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createGracefulShutdown, parseShutdownSettings } from "./graceful-shutdown.mjs";

describe("parseShutdownSettings", () => {
  it.each([
    [{}, { delayMs: 0, timeoutMs: 10_000 }],
    [{ SHUTDOWN_DELAY_MS: "5000", SHUTDOWN_TIMEOUT_MS: "25000" }, { delayMs: 5000, timeoutMs: 25_000 }],
    [{ SHUTDOWN_DELAY_MS: " ", SHUTDOWN_TIMEOUT_MS: "0" }, { delayMs: 0, timeoutMs: 0 }],
  ])("%j -> %j", (env, settings) => {
    expect(parseShutdownSettings(env)).toEqual(settings);
  });

  it.each([
    [{ SHUTDOWN_DELAY_MS: "5s" }, 'Invalid configuration: SHUTDOWN_DELAY_MS must be a whole number of milliseconds from 0 to 3600000 (got "5s").'],
    [{ SHUTDOWN_TIMEOUT_MS: "-1" }, 'Invalid configuration: SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 3600000 (got "-1").'],
    [{ SHUTDOWN_TIMEOUT_MS: "1.5" }, 'Invalid configuration: SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 3600000 (got "1.5").'],
    [{ SHUTDOWN_DELAY_MS: "3600001" }, 'Invalid configuration: SHUTDOWN_DELAY_MS must be a whole number of milliseconds from 0 to 3600000 (got "3600001").'],
  ])("%j is refused", (env, message) => {
    expect(() => parseShutdownSettings(env)).toThrow(message);
  });
});

type Answer = { status: number; connection: string | undefined; body: string };

/**
 * A real HTTP server on loopback with the shutdown installed: GET /hold waits until the test
 * releases it, anything else answers at once. Steps of the shutdown are recorded in order.
 */
async function rig(settings: { delayMs: number; timeoutMs: number }) {
  const steps: string[] = [];
  const held: ServerResponse[] = [];
  let exited!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const server = createServer((req, res) => {
    shutdown.admit(res);
    if (req.url === "/hold") held.push(res);
    else res.end("now");
  });
  server.keepAliveTimeout = 65_000;
  const shutdown = createGracefulShutdown(server, {
    ...settings,
    hook: () => ({
      startDraining: () => steps.push("draining"),
      close: async () => {
        steps.push("close");
      },
      unfinished: () => ["2 System Log event(s) not written"],
    }),
    log: (line) => steps.push(line),
    exit: (code) => {
      steps.push(`exit ${code}`);
      exited(code);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ keepAlive: true });
  const otherAgent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  agent.on("free", (socket) => sockets.add(socket));
  cleanups.push(() => {
    agent.destroy();
    otherAgent.destroy();
    server.closeAllConnections();
    server.close();
  });

  const get = (path: string, options: { agent?: Agent | false } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, agent: options.agent ?? agent }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      });
      req.on("error", reject);
      req.end();
    });
  const waitFor = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(condition()).toBe(true);
  };
  const release = (body: string) => held.splice(0).forEach((res) => res.end(body));
  return { server, shutdown, steps, exit, get, waitFor, held, release, sockets, otherAgent };
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe("createGracefulShutdown", () => {
  it("answers the requests in flight with Connection: close, closes idle keep-alive connections, then closes the hook and exits 0", async () => {
    const r = await rig({ delayMs: 0, timeoutMs: 5000 });
    expect(await r.get("/now")).toEqual({ status: 200, connection: "keep-alive", body: "now" });
    const idle = [...r.sockets][0]!;
    const idleClosed = new Promise<void>((resolve) => idle.once("close", () => resolve()));
    const inFlight = [r.get("/hold", { agent: r.otherAgent }), r.get("/hold", { agent: r.otherAgent })];
    await r.waitFor(() => r.held.length === 2);

    r.shutdown.handleSignal("SIGTERM");
    await idleClosed;
    await r.waitFor(() => !r.server.listening);
    await expect(r.get("/now", { agent: false })).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(r.steps).not.toContain("close");

    r.release("late");
    expect(await Promise.all(inFlight)).toEqual([
      { status: 200, connection: "close", body: "late" },
      { status: 200, connection: "close", body: "late" },
    ]);
    expect(await r.exit).toBe(0);
    expect(r.steps).toEqual([
      "draining",
      "[shutdown] SIGTERM: /api/health answers 503; closing the listener in 0 ms, then waiting up to 5000 ms for requests in flight (a second signal exits at once)",
      "close",
      "[shutdown] done: 2 request(s) answered while draining, 0 cut off; System Log written, database closed",
      "exit 0",
    ]);
  });

  it("keeps accepting for SHUTDOWN_DELAY_MS while draining, each answer asking the client to close its connection", async () => {
    const r = await rig({ delayMs: 300, timeoutMs: 5000 });
    expect((await r.get("/now")).connection).toBe("keep-alive");
    r.shutdown.handleSignal("SIGTERM");
    expect(r.steps[0]).toBe("draining");
    expect(await r.get("/now")).toEqual({ status: 200, connection: "close", body: "now" });
    expect(await r.get("/now", { agent: false })).toEqual({ status: 200, connection: "close", body: "now" });
    expect(r.server.listening).toBe(true);
    expect(await r.exit).toBe(0);
    expect(r.server.listening).toBe(false);
    expect(r.steps.at(-2)).toBe("[shutdown] done: 2 request(s) answered while draining, 0 cut off; System Log written, database closed");
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ])("a second %s exits at once with %i", async (signal, code) => {
    const r = await rig({ delayMs: 0, timeoutMs: 5000 });
    const inFlight = r.get("/hold").catch(() => null);
    await r.waitFor(() => r.held.length === 1);
    r.shutdown.handleSignal(signal);
    r.shutdown.handleSignal(signal);
    expect(await r.exit).toBe(code);
    expect(r.steps.slice(-2)).toEqual([`[shutdown] second ${signal}: exiting now`, `exit ${code}`]);
    expect(r.steps).not.toContain("close");
    r.release("late");
    await inFlight;
  });

  it("cuts off what is left once SHUTDOWN_TIMEOUT_MS has passed and exits 1, naming it", async () => {
    const r = await rig({ delayMs: 0, timeoutMs: 100 });
    const inFlight = r.get("/hold");
    await r.waitFor(() => r.held.length === 1);
    r.shutdown.handleSignal("SIGTERM");
    expect(await r.exit).toBe(1);
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(r.steps.slice(-2)).toEqual(["[shutdown] not finished within SHUTDOWN_TIMEOUT_MS (100 ms): 1 request(s) unanswered, 2 System Log event(s) not written", "exit 1"]);
    expect(r.steps).not.toContain("close");
  });
});
