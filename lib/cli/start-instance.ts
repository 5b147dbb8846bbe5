import { getAppContext } from "../app-context";
import { createDocumentFastPath, type FastPath } from "./document-fast-path";
import { prepareServer } from "./prepare-server";
import { StartupError } from "./startup-error";

/** With BENCH_ROUTES=1, a request with this header skips the fast path (npm run bench compares both). */
const BENCH_BYPASS_HEADER = "x-bench-route-handler";

/**
 * The server's start-up hook: prepare, or print one line and exit when that is impossible. Then
 * hands the document fast path to `npm start`'s server (lib/cli/server.mjs), which picks it up from
 * globalThis (under plain `next start` nothing reads it and the route handlers answer).
 */
export async function startInstance(): Promise<void> {
  try {
    await prepareServer();
  } catch (error) {
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  }
  (globalThis as unknown as { __idpFastPath?: FastPath }).__idpFastPath = createDocumentFastPath(getAppContext, {
    bypassHeader: process.env.BENCH_ROUTES === "1" ? BENCH_BYPASS_HEADER : undefined,
  });
}
