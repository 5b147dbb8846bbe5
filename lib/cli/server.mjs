#!/usr/bin/env node
// `npm start`: the production server. Next.js's own request handler behind a plain Node HTTP server
// (a documented Next.js custom server), so that the per-server protocol endpoints (discovery, JWKS,
// token, introspect, revoke, userinfo) are answered by the protocol fast path the start-up hook
// registers (lib/cli/protocol-fast-path.ts), running the same operations as their route handlers
// without Next.js's per-request routing overhead. Everything else is Next.js as usual. On
// SIGTERM/SIGINT it shuts down gracefully (lib/cli/graceful-shutdown.mjs).
import { createServer } from "node:http";
import next from "next";
import { createGracefulShutdown, parseShutdownSettings } from "./graceful-shutdown.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined; // all interfaces, like `next start`
let shutdownSettings;
try {
  shutdownSettings = parseShutdownSettings(process.env);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
// instrumentation.ts (configuration, migrations, first-run bootstrap) runs alongside prepare();
// take traffic only once it is done: it registers the fast path last (or exits the process).
for (const started = Date.now(); !globalThis.__idpFastPath; ) {
  if (Date.now() - started > 300_000) {
    console.error("The server did not finish starting within 5 minutes.");
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 25));
}

// The client address (lib/http/request-client-address.ts) starts from the TCP peer, which Next.js
// route handlers cannot see: this server hands it on in a header, replacing any a client sent, and
// marks the process so that the header is believed only when it was set here.
const PEER_ADDRESS_HEADER = "x-idp-peer-address"; // lib/http/client-address.ts
globalThis.__idpPeerAddressHeader = true;

const server = createServer((request, response) => {
  shutdown.admit(response);
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  const fastPath = globalThis.__idpFastPath;
  if (fastPath && fastPath(request, response)) return;
  handle(request, response).catch((error) => {
    console.error("[server] request failed:", error);
    if (!response.headersSent) {
      response.statusCode = 500;
      response.end();
    }
  });
});
// Longer than a typical load balancer's idle timeout, so it never closes a connection the balancer reuses.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Ready on port ${port}${process.env.ORG_URL ? ` (ORG_URL ${process.env.ORG_URL})` : ""}`));

const shutdown = createGracefulShutdown(server, {
  ...shutdownSettings,
  hook: () => globalThis.__idpShutdown, // registered by the start-up hook (lib/cli/start-instance.ts)
  log: (line) => console.log(line),
  exit: (code) => process.exit(code),
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => shutdown.handleSignal(signal));
