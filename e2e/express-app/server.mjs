#!/usr/bin/env node
// A server-side web app written for Okta, unchanged: Express with @okta/oidc-middleware 5 (a
// confidential client: authorization code without PKCE, client_secret_basic, userinfo on every
// sign-in, revoke + end-session on logout). e2e/express-app.spec.ts starts it with the client it
// registered and signs a person in and out through it.
//   EXPRESS_APP_PORT (default 3102), ISSUER, CLIENT_ID, CLIENT_SECRET (required)
import { randomBytes } from "node:crypto";
import express from "express";
import session from "express-session";
import oidcMiddleware from "@okta/oidc-middleware";

const port = Number(process.env.EXPRESS_APP_PORT ?? 3102);
const appBaseUrl = `http://localhost:${port}`;
const { ISSUER: issuer, CLIENT_ID: clientId, CLIENT_SECRET: clientSecret } = process.env;
if (!issuer || !clientId || !clientSecret) {
  console.error("ISSUER, CLIENT_ID and CLIENT_SECRET are required.");
  process.exit(2);
}

const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

const app = express();
app.use(session({ secret: randomBytes(32).toString("hex"), resave: false, saveUninitialized: false }));
const oidc = new oidcMiddleware.ExpressOIDC({
  issuer,
  client_id: clientId,
  client_secret: clientSecret,
  appBaseUrl,
  scope: "openid profile email offline_access",
  testing: { disableHttpsCheck: true }, // http://localhost issuer (see the SDK contract, section 0)
});
app.use(oidc.router);

app.get("/health", (_req, res) => res.type("text/plain").send("ok"));
app.get("/", (req, res) => {
  const user = req.userContext?.userinfo;
  res.send(
    page(
      "Express app",
      user
        ? `<p id="who">Signed in as ${escapeHtml(user.email ?? user.sub)}</p><p><a href="/profile">Profile</a></p><form method="post" action="/logout"><button type="submit">Sign out</button></form>`
        : `<p id="who">Signed out</p><p><a href="/profile">Profile</a></p>`,
    ),
  );
});
app.get("/profile", oidc.ensureAuthenticated(), (req, res) => {
  const { userinfo, tokens } = req.userContext;
  const granted = { token_type: tokens.token_type, scope: tokens.scope, has_refresh_token: Boolean(tokens.refresh_token), has_id_token: Boolean(tokens.id_token) };
  res.send(page("Profile", `<pre id="userinfo">${escapeHtml(JSON.stringify(userinfo))}</pre><pre id="tokens">${escapeHtml(JSON.stringify(granted))}</pre>`));
});
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- Express tells error handlers by their four parameters
app.use((error, _req, res, _next) => {
  console.error("[express-app]", error);
  res.status(500).send(page("Error", `<pre id="error">${escapeHtml(error?.message ?? String(error))}</pre>`));
});

oidc.on("ready", () => app.listen(port, "localhost", () => console.log(`express app on ${appBaseUrl} (issuer ${issuer})`)));
oidc.on("error", (error) => console.error("[express-app] oidc error:", error));
