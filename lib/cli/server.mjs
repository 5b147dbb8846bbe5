#!/usr/bin/env node
// `npm start`: the production server. Next.js's own request handler behind a plain Node HTTP server
// (a documented Next.js custom server), so that the per-server protocol endpoints (discovery, JWKS,
// token, introspect, revoke, userinfo) are answered by the protocol fast path the start-up hook
// registers (lib/cli/protocol-fast-path.ts), running the same operations as their route handlers
// without Next.js's per-request routing overhead. Everything else is Next.js as usual. On
// SIGTERM/SIGINT it shuts down gracefully (lib/cli/graceful-shutdown.mjs).
//
// Start-up binds the port first, so that a port in use stops it before anything else happens (no
// migration, no first-run bootstrap, no credentials printed); until the start-up hook is done,
// requests get 503. Every start-up failure is one line and exit status 1 (lib/cli/startup-failure.mjs).
import { createServer } from "node:http";
import responseHeaders from "../http/response-headers.js";
import { closeAfterDraining } from "./close-after-draining.mjs";
import { createGracefulShutdown, parseShutdownSettings } from "./graceful-shutdown.mjs";
import { answerClientError, rejectMalformedRequest } from "./reject-malformed-request.mjs";
import { parsePort, parseServerTimeouts } from "./server-settings.mjs";
import { varyByLanguage } from "./vary-by-language.mjs";
import { failStartup } from "./startup-failure.mjs";

/** How long the start-up hook (migrations, first-run bootstrap) may take. */
const START_TIMEOUT_MS = 300_000;
// The client address (lib/http/request-client-address.ts) starts from the TCP peer, which Next.js
// route handlers cannot see: this server hands it on in a header, replacing any a client sent, and
// marks the process so that the header is believed only when it was set here.
const PEER_ADDRESS_HEADER = "x-idp-peer-address"; // lib/http/client-address.ts

let port, timeouts, shutdownSettings;
try {
  port = parsePort(process.env);
  timeouts = parseServerTimeouts(process.env);
  shutdownSettings = parseShutdownSettings(process.env);
} catch (error) {
  failStartup(error);
}
const hostname = process.env.HOST || undefined; // all interfaces, like `next start`

let handle = null; // Next.js's request handler, once the start-up hook is done
const server = createServer(
  {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  },
  (request, response) => {
    shutdown.admit(response);
    closeAfterDraining(request, response);
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    if (rejectMalformedRequest(request, response)) return;
    if (!handle) return answerStarting(response);
    const fastPath = globalThis.__idpFastPath;
    if (fastPath && fastPath(request, response)) return;
    varyByLanguage(request, response);
    handle(request, response).catch((error) => {
      console.error("[server] request failed:", error);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.end();
      }
    });
  },
);
server.on("clientError", answerClientError); // Node's parser refusals (431, 400...) with the security headers
const shutdown = createGracefulShutdown(server, {
  ...shutdownSettings,
  hook: () => globalThis.__idpShutdown, // registered by the start-up hook (lib/cli/start-instance.ts)
  log: (line) => console.log(line),
  exit: (code) => process.exit(code),
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => shutdown.handleSignal(signal));

try {
  await listen();
  globalThis.__idpPeerAddressHeader = true;
  // The start-up hook hands the first-run banner (generated credentials) here, to be printed once
  // this server takes requests, never when start-up fails after the bootstrap.
  let firstRunBanner = null;
  globalThis.__idpAnnounceFirstRun = (banner) => (firstRunBanner = banner);
  const { default: next } = await import("next"); // after the port is bound: a busy port fails in milliseconds
  const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
  await app.prepare();
  // instrumentation.ts (configuration, migrations, first-run bootstrap) runs inside prepare(); it
  // registers the fast path last (or prints its one line and exits the process).
  for (const started = Date.now(); !globalThis.__idpFastPath; ) {
    if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`the start-up hook did not finish within ${START_TIMEOUT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  handle = app.getRequestHandler();
  console.log(`Ready on port ${port}${process.env.ORG_URL ? ` (ORG_URL ${process.env.ORG_URL})` : ""}`);
  if (firstRunBanner) console.log(firstRunBanner);
} catch (error) {
  failStartup(error);
}

/** Binds the port, or fails with one line saying why (in use, not permitted...). */
function listen() {
  return new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new Error(listenFailure(/** @type {NodeJS.ErrnoException} */ (error)), { cause: error })));
    server.listen(port, hostname, () => {
      server.removeAllListeners("error");
      resolve(undefined);
    });
  });
}

function listenFailure(error) {
  const where = `${hostname ?? "*"}:${port}`;
  if (error.code === "EADDRINUSE") return `Cannot listen on ${where}: the port is already in use (another server is running, or choose another PORT).`;
  if (error.code === "EACCES") return `Cannot listen on ${where}: permission denied (ports below 1024 need privileges; choose another PORT).`;
  if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND") return `Cannot listen on ${where}: HOST is not an address of this machine.`;
  return `Cannot listen on ${where}: ${error.message}`;
}

/** Before the start-up hook is done: 503, try again shortly (a health check sees "not ready"). */
function answerStarting(response) {
  const body = "Starting up: try again in a moment.\n";
  response.writeHead(503, {
    ...responseHeaders.BASE_HEADERS,
    ...responseHeaders.ANTI_FRAMING_HEADERS,
    "Cache-Control": "no-store",
    "Retry-After": "1",
    Connection: "close",
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
  });
  response.end(body);
}
