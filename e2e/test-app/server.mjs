#!/usr/bin/env node
// The e2e test app, which is also the sample app of the README (`npm run sample-app`): a tiny
// static server (no dependencies) on its own origin that serves a page loading okta-auth-js 8's
// browser (UMD) bundle from node_modules. People use its Sign in / Sign out buttons; the specs
// configure it through localStorage and drive it with page.evaluate (window.testApp). It also
// receives form_post responses (POST /form_post) and shows what arrived.
//   TEST_APP_PORT (default 3101), ISSUER (default http://localhost:3100/oauth2/default),
//   CLIENT_ID (optional: the client id the page starts with)
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const port = Number(process.env.TEST_APP_PORT ?? 3101);
const issuer = process.env.ISSUER ?? "http://localhost:3100/oauth2/default";
const pkg = require.resolve("@okta/okta-auth-js/package.json");
const sdkPath = path.join(path.dirname(pkg), JSON.parse(readFileSync(pkg, "utf8")).browser ?? "umd/default.js");
const sdk = readFileSync(sdkPath);
const clientId = process.env.CLIENT_ID ?? "";
const appJs = readFileSync(path.join(here, "app.js"), "utf8").replace("__ISSUER__", JSON.stringify(issuer)).replace("__CLIENT_ID__", JSON.stringify(clientId));

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
const APP_PAGE = page(
  "Sample app",
  `<p>An app that signs in with <code>${escapeHtml(issuer)}</code> through okta-auth-js.</p>
<p>Status: <span id="status" role="status">loading</span></p>
<form id="sign-in-form" hidden>
  <label for="client-id">Client ID</label>
  <input id="client-id" name="client_id" autocomplete="off" spellcheck="false" required>
  <button type="submit">Sign in</button>
</form>
<section id="signed-in" hidden aria-labelledby="signed-in-heading">
  <h2 id="signed-in-heading">Signed in</h2>
  <p id="who"></p>
  <button type="button" id="sign-out">Sign out</button>
  <h3>ID token claims</h3>
  <pre id="claims"></pre>
</section>
<p id="error" role="alert" hidden></p>
<details><summary>What the SDK last answered</summary><pre id="result"></pre></details>
<script src="/okta-auth-js.js"></script><script src="/app.js"></script>`,
);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://localhost:${port}`);
  const send = (status, type, body) => {
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
    res.end(body);
  };
  if (req.method === "GET" && url.pathname === "/okta-auth-js.js") return send(200, "text/javascript; charset=utf-8", sdk);
  if (req.method === "GET" && url.pathname === "/app.js") return send(200, "text/javascript; charset=utf-8", appJs);
  if (req.method === "GET" && ["/", "/callback", "/implicit", "/signed-out", "/plain"].includes(url.pathname)) return send(200, "text/html; charset=utf-8", APP_PAGE);
  if (req.method === "POST" && url.pathname === "/form_post") {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const fields = Object.fromEntries(new URLSearchParams(body));
      send(200, "text/html; charset=utf-8", page("form_post received", `<pre id="form-post">${escapeHtml(JSON.stringify(fields))}</pre>`));
    });
    return;
  }
  if (req.method === "GET" && url.pathname === "/health") return send(200, "text/plain", "ok");
  send(404, "text/plain", "not found");
});
server.listen(port, "localhost", () => console.log(`test app on http://localhost:${port} (issuer ${issuer})`));
