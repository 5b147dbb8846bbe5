// @ts-check
// Graceful shutdown of `npm start`'s server (lib/cli/server.mjs). Plain JavaScript because that
// server runs without a TypeScript loader; the application's side (health, System Log, database
// pool) is the ShutdownHook the start-up hook registers (lib/cli/create-shutdown-hook.ts).
import { constants } from "node:os";
import { readWholeNumber } from "./server-settings.mjs";

/** @typedef {import("./create-shutdown-hook").ShutdownHook} ShutdownHook */
/** @typedef {{ delayMs: number, timeoutMs: number }} ShutdownSettings */

const MAX_MS = 3_600_000;

/**
 * SHUTDOWN_DELAY_MS (default 0) and SHUTDOWN_TIMEOUT_MS (default 10000), whole milliseconds up to an
 * hour. Throws an Error whose message is one line naming the variable.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {ShutdownSettings}
 */
export function parseShutdownSettings(env) {
  const range = { min: 0, max: MAX_MS, unit: " of milliseconds" };
  return { delayMs: readWholeNumber(env, "SHUTDOWN_DELAY_MS", 0, range), timeoutMs: readWholeNumber(env, "SHUTDOWN_TIMEOUT_MS", 10_000, range) };
}

/**
 * What the server does on SIGTERM/SIGINT:
 * 1. draining: /api/health answers 503 (hook.startDraining) and every response, in flight or new,
 *    carries `Connection: close`, so keep-alive clients move to a new connection (on another
 *    instance, once the load balancer saw the 503). New connections are still accepted for delayMs.
 * 2. closing: the listener closes, idle keep-alive connections are closed, busy ones close after
 *    their response; once every accepted request is answered, hook.close() writes the queued System
 *    Log events and closes the database pool, and the process exits 0. The last line counts the
 *    requests answered while draining and those cut off (a response whose connection closed first).
 * timeoutMs after the listener closed, whatever is left is cut off: the remaining connections are
 * destroyed and the process exits 1, naming what was unfinished. A second signal exits at once
 * (128 + the signal's number).
 * @param {import("node:http").Server} server
 * @param {ShutdownSettings & {
 *   hook: () => ShutdownHook | undefined,
 *   log: (line: string) => void,
 *   exit: (code: number) => void,
 * }} options
 */
export function createGracefulShutdown(server, { delayMs, timeoutMs, hook, log, exit }) {
  /** @type {Set<import("node:http").ServerResponse>} */
  const inFlight = new Set();
  /** @type {"serving" | "draining" | "closing" | "done"} */
  let phase = "serving";
  /** @type {(() => void) | null} */
  let onAnswered = null;
  // Since the signal: responses finished, and responses whose connection closed first (at the
  // deadline, or a client that gave up).
  let answered = 0;
  let cutOff = 0;

  /** @param {import("node:http").ServerResponse} response */
  const closeAfter = (response) => {
    if (!response.headersSent) response.setHeader("Connection", "close");
  };

  /** @param {string} signal */
  function handleSignal(signal) {
    if (phase !== "serving") {
      log(`[shutdown] second ${signal}: exiting now`);
      exit(128 + (constants.signals[/** @type {NodeJS.Signals} */ (signal)] ?? 0));
      return;
    }
    phase = "draining";
    hook()?.startDraining();
    inFlight.forEach(closeAfter);
    log(`[shutdown] ${signal}: /api/health answers 503; closing the listener in ${delayMs} ms, then waiting up to ${timeoutMs} ms for requests in flight (a second signal exits at once)`);
    setTimeout(() => void close(), delayMs);
  }

  async function close() {
    phase = "closing";
    const deadline = setTimeout(() => {
      const unfinished = [`${inFlight.size} request(s) unanswered`, ...(hook()?.unfinished() ?? [])];
      log(`[shutdown] not finished within SHUTDOWN_TIMEOUT_MS (${timeoutMs} ms): ${unfinished.join(", ")}`);
      server.closeAllConnections();
      finish(1);
    }, timeoutMs);
    const closed = new Promise((resolve) => server.close(resolve)); // also closes idle connections
    await new Promise((resolve) => {
      onAnswered = () => {
        server.closeIdleConnections(); // a connection whose response went out before the drain began
        if (inFlight.size === 0) resolve(undefined);
      };
      onAnswered();
    });
    await closed;
    try {
      await hook()?.close();
    } catch (error) {
      log(`[shutdown] closing failed: ${/** @type {Error} */ (error).message}`);
      clearTimeout(deadline);
      finish(1);
      return;
    }
    clearTimeout(deadline);
    log(`[shutdown] done: ${answered} request(s) answered while draining, ${cutOff} cut off; System Log written, database closed`);
    finish(0);
  }

  /** @param {number} code */
  function finish(code) {
    if (phase === "done") return;
    phase = "done";
    exit(code);
  }

  return {
    handleSignal,
    /**
     * Call first for every request: tracks it until its response is finished (or its connection
     * closed) and, once draining, asks the client to close the connection after the response.
     * @param {import("node:http").ServerResponse} response
     */
    admit(response) {
      inFlight.add(response);
      if (phase !== "serving") closeAfter(response);
      response.once("close", () => {
        inFlight.delete(response);
        if (phase !== "serving") {
          if (response.writableFinished) answered += 1;
          else cutOff += 1;
        }
        onAnswered?.();
      });
    },
  };
}
