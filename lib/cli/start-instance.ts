import { getAppContext } from "../app-context";
import { getDb } from "../db/get-db";
import { createProtocolFastPath, type FastPath } from "./protocol-fast-path";
import { createShutdownHook, type ShutdownHook } from "./create-shutdown-hook";
import { prepareServer } from "./prepare-server";
import { StartupError } from "./startup-error";

/** With BENCH_ROUTES=1 (npm run bench): a request with this header skips the fast path, to compare both. */
const BENCH_BYPASS_HEADER = "x-bench-route-handler";
/** With BENCH_ROUTES=1: the benchmark's floor route answered by the fast path, to compare like with like. */
const BENCH_FLOOR_HEADER = "x-bench-fast-path";

/**
 * The server's start-up hook: prepare, or print one line and exit when that is impossible. Then
 * hands `npm start`'s server (lib/cli/server.mjs) the shutdown hook and, last, the protocol fast
 * path, which it picks up from globalThis (under plain `next start` nothing reads them and the
 * route handlers answer).
 */
export async function startInstance(): Promise<void> {
  let stopHousekeeping: () => void;
  try {
    ({ stopHousekeeping } = await prepareServer());
  } catch (error) {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  }
  const handOver = globalThis as unknown as { __idpFastPath?: FastPath; __idpShutdown?: ShutdownHook };
  handOver.__idpShutdown = createShutdownHook(getDb(), stopHousekeeping);
  const bench = process.env.BENCH_ROUTES === "1";
  handOver.__idpFastPath = createProtocolFastPath(getAppContext, {
    bypassHeader: bench ? BENCH_BYPASS_HEADER : undefined,
    benchFloorHeader: bench ? BENCH_FLOOR_HEADER : undefined,
  });
}
