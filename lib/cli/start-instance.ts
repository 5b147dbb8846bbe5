import { getAppContext } from "../app-context";
import { createProtocolFastPath, type FastPath } from "./protocol-fast-path";
import { prepareServer } from "./prepare-server";
import { StartupError } from "./startup-error";

/** With BENCH_ROUTES=1 (npm run bench): a request with this header skips the fast path, to compare both. */
const BENCH_BYPASS_HEADER = "x-bench-route-handler";
/** With BENCH_ROUTES=1: the benchmark's floor route answered by the fast path, to compare like with like. */
const BENCH_FLOOR_HEADER = "x-bench-fast-path";

/**
 * The server's start-up hook: prepare, or print one line and exit when that is impossible. Then
 * hands the protocol fast path to `npm start`'s server (lib/cli/server.mjs), which picks it up from
 * globalThis (under plain `next start` nothing reads it and the route handlers answer).
 */
export async function startInstance(): Promise<void> {
  try {
    await prepareServer();
  } catch (error) {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  }
  const bench = process.env.BENCH_ROUTES === "1";
  (globalThis as unknown as { __idpFastPath?: FastPath }).__idpFastPath = createProtocolFastPath(getAppContext, {
    bypassHeader: bench ? BENCH_BYPASS_HEADER : undefined,
    benchFloorHeader: bench ? BENCH_FLOOR_HEADER : undefined,
  });
}
