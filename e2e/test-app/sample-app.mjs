#!/usr/bin/env node
// `npm run sample-app`: registers the sample app with a running server (register-sample-app.mjs)
// and serves it (server.mjs) so that a newcomer can sign in to an app of their own.
//   API_TOKEN         the SSWS token printed at first start (required)
//   ORG_URL           the server (default http://localhost:3000)
//   SAMPLE_APP_PORT   where the sample app listens (default 3001)
//   AUTH_SERVER       the authorization server (default "default")
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { registerSampleApp } from "./register-sample-app.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const orgUrl = (process.env.ORG_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const port = Number(process.env.SAMPLE_APP_PORT ?? 3001);
const authServer = process.env.AUTH_SERVER ?? "default";
const appOrigin = `http://localhost:${port}`;

if (!process.env.API_TOKEN) {
  console.error("Set API_TOKEN to the SSWS API token printed at the server's first start, e.g.\n  API_TOKEN=00abc... npm run sample-app");
  process.exit(2);
}

let app;
try {
  app = await registerSampleApp({ orgUrl, apiToken: process.env.API_TOKEN, appOrigin });
} catch (error) {
  console.error(`Could not register the sample app with ${orgUrl}: ${error instanceof Error ? error.message : String(error)}`);
  console.error("Is the server running (npm start), and is API_TOKEN the token it printed?");
  process.exit(1);
}

console.log(`${app.created.app ? "Registered" : "Found"} "${app.label}" (client_id ${app.clientId}), assigned to Everyone, ${appOrigin} trusted for CORS and redirects.`);
console.log(`Open ${appOrigin} and choose "Sign in": you will sign in on ${orgUrl}'s hosted page and come back signed in.`);

const child = spawn(process.execPath, [path.join(here, "server.mjs")], {
  stdio: "inherit",
  env: { ...process.env, TEST_APP_PORT: String(port), ISSUER: `${orgUrl}/oauth2/${authServer}`, CLIENT_ID: app.clientId },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
