import { getAppContext } from "../app-context";
import { getDb } from "../db/get-db";
import { createProtocolFastPath, type FastPath } from "./protocol-fast-path";
import { createShutdownHook, type ShutdownHook } from "./create-shutdown-hook";
import { prepareServer, type PreparedServer } from "./prepare-server";
import { failStartup } from "./startup-failure.mjs";

/** With BENCH_ROUTES=1 (npm run bench): a request with this header skips the fast path, to compare both. */
const BENCH_BYPASS_HEADER = "x-bench-route-handler";
/** With BENCH_ROUTES=1: the benchmark's floor route answered by the fast path, to compare like with like. */
const BENCH_FLOOR_HEADER = "x-bench-fast-path";

type HandOver = {
  __idpFastPath?: FastPath;
  __idpShutdown?: ShutdownHook;
  /** set by `npm start`'s server, which prints the banner once it takes requests */
  __idpAnnounceFirstRun?: (banner: string) => void;
};

/**
 * The server's start-up hook: prepare, or print one line and exit 1 when that is impossible
 * (lib/cli/startup-failure.mjs). Then hands `npm start`'s server (lib/cli/server.mjs) the first-run
 * banner, the shutdown hook and, last, the protocol fast path, which it picks up from globalThis.
 * Under `next dev` / `next start` nothing reads the hooks and the route handlers answer; the banner
 * is printed here (Next.js listens before it runs instrumentation).
 */
export async function startInstance(): Promise<void> {
  let prepared: PreparedServer;
  try {
    prepared = await prepareServer();
  } catch (error) {
    failStartup(error);
  }
  const handOver = globalThis as unknown as HandOver;
  if (prepared.firstRunBanner) (handOver.__idpAnnounceFirstRun ?? console.log)(prepared.firstRunBanner);
  handOver.__idpShutdown = createShutdownHook(getDb(), prepared.stopHousekeeping, prepared.mailWorker);
  const bench = process.env.BENCH_ROUTES === "1";
  handOver.__idpFastPath = createProtocolFastPath(getAppContext, {
    bypassHeader: bench ? BENCH_BYPASS_HEADER : undefined,
    benchFloorHeader: bench ? BENCH_FLOOR_HEADER : undefined,
  });
}
