#!/usr/bin/env node
// npm run bench: loads a production server on SQLite over loopback and prints requests/s, p50/p99
// latency and errors for client_credentials issuance, introspection, discovery and keys, beside two
// references measured in the same run: the framework floor (a route in the same server that only
// signs a fixed JWT with jose) and panva's oidc-provider issuing JWT access tokens for
// client_credentials. The server is `npm start`'s (lib/cli/server.mjs: Next.js behind the protocol
// fast path, which answers discovery, keys, token, introspect, revoke and userinfo). For a like-for-
// like reading, client_credentials and the documents are also measured through their Next.js route
// handlers, and the floor through the fast path: cc (fast path) / floor (fast path) is the share
// of lookups, policy, claims and logging without either way's framework cost. Bounded:
// BENCH_DURATION seconds (default 10) per measurement, BENCH_ROUNDS rounds (default 3, medians
// reported), concurrency 10 and 50.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import autocannon from "autocannon";

const PORT = 3400;
const REF_PORT = 3401;
const ORIGIN = `http://localhost:${PORT}`;
const TOKEN = "00benchAdminToken000000000000000000000000";
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = [10, 50];
const children = [];

/** Children run in their own process groups, so the servers they start die with them. */
function cleanup() {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
}
process.on("exit", cleanup);
process.on("SIGINT", () => process.exit(130));

async function waitFor(url, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function api(method, path, body) {
  const res = await fetch(`${ORIGIN}${path}`, { method, headers: { Authorization: `SSWS ${TOKEN}`, "Content-Type": "application/json", Accept: "application/json" }, body: body && JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function load(target, connections) {
  return new Promise((resolve, reject) => {
    autocannon({ url: target.url, method: target.method, headers: target.headers, body: target.body, connections, duration: DURATION, pipelining: 1 }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`) || process.argv.includes("--build")) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
rmSync("tests/bench/.data", { recursive: true, force: true });
children.push(
  spawn(process.execPath, ["lib/cli/server.mjs"], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), ORG_URL: ORIGIN, DATABASE_URL: "file:./tests/bench/.data/bench.db", APP_SECRET_FILE: "tests/bench/.data/app-secret", ADMIN_API_TOKEN: TOKEN, ADMIN_PASSWORD: "bench-admin-password", BENCH_ROUTES: "1" },
  }),
);
children.push(spawn(process.execPath, ["tests/bench/oidc-provider-reference.mjs", String(REF_PORT)], { detached: true, stdio: ["ignore", "ignore", "inherit"] }));
await waitFor(`${ORIGIN}/api/health`);
await waitFor(`http://localhost:${REF_PORT}/.well-known/openid-configuration`);

await api("POST", "/api/v1/authorizationServers/default/scopes", { name: "bench", description: "Benchmark scope", default: true, metadataPublish: "ALL_CLIENTS" });
const app = await api("POST", "/api/v1/apps", {
  name: "oidc_client",
  label: "Benchmark service",
  signOnMode: "OPENID_CONNECT",
  credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
  settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
});
const { client_id: clientId, client_secret: clientSecret } = app.credentials.oauthClient;
const basic = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`;
const form = { "Content-Type": "application/x-www-form-urlencoded", Authorization: basic };
const tokenResponse = await fetch(`${ORIGIN}/oauth2/default/v1/token`, { method: "POST", headers: form, body: "grant_type=client_credentials&scope=bench" });
const issued = await tokenResponse.json();
if (tokenResponse.status !== 200) throw new Error(`client_credentials failed: ${JSON.stringify(issued)}`);

const targets = [
  { name: "floor: sign fixed JWT", url: `${ORIGIN}/api/bench/sign-jwt`, method: "POST" },
  { name: "client_credentials", url: `${ORIGIN}/oauth2/default/v1/token`, method: "POST", headers: form, body: "grant_type=client_credentials&scope=bench" },
  // like with like: the floor through the fast path, and client_credentials through its route handler
  { name: "floor via fast path", url: `${ORIGIN}/api/bench/sign-jwt`, method: "POST", headers: { "x-bench-fast-path": "1" } },
  { name: "client_credentials via route handler", url: `${ORIGIN}/oauth2/default/v1/token`, method: "POST", headers: { ...form, "x-bench-route-handler": "1" }, body: "grant_type=client_credentials&scope=bench" },
  { name: "introspect", url: `${ORIGIN}/oauth2/default/v1/introspect`, method: "POST", headers: form, body: `token=${issued.access_token}&token_type_hint=access_token` },
  { name: "discovery", url: `${ORIGIN}/oauth2/default/.well-known/openid-configuration`, method: "GET" },
  { name: "keys", url: `${ORIGIN}/oauth2/default/v1/keys`, method: "GET" },
  // the same documents through their Next.js route handlers (the fast path stepped aside), for comparison
  { name: "discovery via route handler", url: `${ORIGIN}/oauth2/default/.well-known/openid-configuration`, method: "GET", headers: { "x-bench-route-handler": "1" } },
  { name: "keys via route handler", url: `${ORIGIN}/oauth2/default/v1/keys`, method: "GET", headers: { "x-bench-route-handler": "1" } },
  {
    name: "oidc-provider client_credentials",
    url: `http://localhost:${REF_PORT}/token`,
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${Buffer.from("bench:bench-secret-bench-secret-bench-secret").toString("base64")}` },
    body: "grant_type=client_credentials&scope=bench",
  },
];

console.log(`Benchmark: ${ROUNDS} round(s) x ${DURATION}s per target and concurrency, on ${process.platform} ${process.arch}, node ${process.version}`);
for (const target of targets) await load(target, 10).catch(() => undefined); // warm-up (JIT, caches)
const samples = new Map();
for (let round = 1; round <= ROUNDS; round++) {
  for (const connections of CONCURRENCY) {
    for (const target of targets) {
      const key = `${target.name}@${connections}`;
      const result = await load({ ...target, duration: DURATION }, connections);
      samples.set(key, [...(samples.get(key) ?? []), result]);
      process.stdout.write(".");
    }
  }
}
console.log("\n");
const summary = {};
for (const connections of CONCURRENCY) {
  console.log(`concurrency ${connections}`);
  console.log("target".padEnd(40) + "req/s".padStart(9) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "errors".padStart(8));
  for (const target of targets) {
    const runs = samples.get(`${target.name}@${connections}`);
    const row = { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), errors: runs.reduce((sum, r) => sum + r.errors, 0) };
    summary[`${target.name}@${connections}`] = row;
    console.log(target.name.padEnd(40) + row.rps.toFixed(0).padStart(9) + String(row.p50).padStart(9) + String(row.p99).padStart(9) + String(row.errors).padStart(8));
  }
  const floor = summary[`floor: sign fixed JWT@${connections}`].rps;
  const ratio = (name, reference = floor) => summary[`${name}@${connections}`].rps / reference;
  const fastFloor = summary[`floor via fast path@${connections}`].rps;
  const check = (value, target) => `${value.toFixed(2)}x ${value >= target ? "(meets" : "(BELOW"} target ${target}x)`;
  console.log(`  client_credentials / floor: ${check(ratio("client_credentials"), 0.8)}`);
  console.log(`  like with like: via route handler / floor ${check(ratio("client_credentials via route handler"), 0.8)}; fast path / floor via fast path ${check(ratio("client_credentials", fastFloor), 0.8)}`);
  console.log(`  introspect / floor:         ${ratio("introspect").toFixed(2)}x`);
  console.log(`  discovery / floor:          ${check(ratio("discovery"), 1.5)}`);
  console.log(`  keys / floor:               ${check(ratio("keys"), 1.5)}`);
  console.log(`  via route handlers: discovery ${ratio("discovery via route handler").toFixed(2)}x, keys ${ratio("keys via route handler").toFixed(2)}x of floor`);
  console.log(`  client_credentials / oidc-provider: ${(summary[`client_credentials@${connections}`].rps / summary[`oidc-provider client_credentials@${connections}`].rps).toFixed(2)}x\n`);
}
const errors = Object.values(summary).reduce((sum, row) => sum + row.errors, 0);
console.log(errors === 0 ? "No errors." : `${errors} errors or non-2xx responses.`);
process.exit(errors === 0 ? 0 : 1);
