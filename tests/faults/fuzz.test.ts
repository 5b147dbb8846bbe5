import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAppRoutes } from "./fuzz/app-routes";
import { problemsOf, SLOW_MS, type Problem } from "./fuzz/check-answer";
import { generateRequests, type FuzzContext, type FuzzRequest } from "./fuzz/generate-requests";
import { Random } from "./fuzz/random";
import { sendRaw, type RawAnswer } from "./fuzz/raw-http";
import { printFuzzSummary } from "./fuzz/print-summary";
import { tableCounts, unexpectedGrowth } from "./fuzz/table-counts";
import { adminApi, createWebClientWithUser } from "./support/org";
import { FAULTS_ADMIN_TOKEN, ServerInstance } from "./support/server-instance";

// Zero 5xx from hostile input (README "Hostile input"): a seeded, bounded fuzz campaign against a
// production server (npm start's server: protocol fast path, then Next.js) on SQLite, over every
// page and route handler of the app/ tree. FUZZ_SEED picks another seed, FUZZ_REQUESTS another count.
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const CONCURRENCY = 6;
const REQUEST_TIMEOUT_MS = 10_000;
const BYPASS_HEADER = "x-bench-route-handler"; // lib/cli/start-instance.ts, with BENCH_ROUTES=1

type Outcome = { request: FuzzRequest; answer: RawAnswer; problems: Problem[] };

describe("fuzz: hostile input to every route", () => {
  let server: ServerInstance;
  let dbFile: string;
  let context: FuzzContext;

  beforeAll(async () => {
    dbFile = path.join(process.env.FAULTS_RUN_DIR!, "fuzz.db");
    // BENCH_ROUTES=1: a request with BYPASS_HEADER goes past the fast path to the route handler.
    server = await ServerInstance.start({ databaseUrl: `file:${dbFile}`, name: "fuzz", env: { BENCH_ROUTES: "1" } });
    const client = await createWebClientWithUser(server.origin, "Fuzz web");
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    const actions = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, unknown> };
    context = {
      host: new URL(server.origin).host,
      adminToken: FAULTS_ADMIN_TOKEN,
      client: { id: client.id, secret: client.secret, redirectUri: "https://app.example.com/callback" },
      actionIds: Object.keys(actions.node),
      bypassHeader: BYPASS_HEADER,
    };
  });
  afterAll(() => server?.stop());

  it(`answers ${REQUESTS} hostile requests with no 5xx, the security headers, within ${SLOW_MS} ms, leaving no row behind`, async () => {
    const routes = readAppRoutes(path.resolve("app"));
    expect(routes.length).toBeGreaterThan(50);
    expect(context.actionIds.length).toBeGreaterThan(0);
    const requests = generateRequests(routes, context, new Random(SEED), REQUESTS);
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED to change), ${requests.length} requests over ${routes.length} routes, concurrency ${CONCURRENCY}`);

    // Warm-up: every page and route once, so that lazily created rows (cache versions...) exist before counting.
    for (const route of routes) await sendRaw(server.port, { method: "GET", target: route.pattern.replace(/\[[^\]]+\]/g, "default"), headers: [] }, REQUEST_TIMEOUT_MS);
    await settle();
    const before = tableCounts(dbFile);

    const started = Date.now();
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          const answer = await sendRaw(server.port, request.raw, REQUEST_TIMEOUT_MS);
          outcomes.push({ request, answer, problems: problemsOf(request, answer) });
        }
      }),
    );
    const elapsedMs = Date.now() - started;

    await settle();
    const after = tableCounts(dbFile);
    const acceptedAuthorize = outcomes.filter((o) => o.request.routeClass === "authorize" && o.answer.status === 302 && /\/(signin|consent)\?request=/.test(o.answer.headers.location?.[0] ?? "")).length;
    const growth = unexpectedGrowth(before, after, acceptedAuthorize);

    // Slow on a shared 2-core machine may be the machine: a slow request counts only if it is slow
    // again when sent alone (after counting rows: a request sent again may write its own).
    for (const outcome of outcomes.filter((o) => o.problems.includes("slow"))) {
      const again = await sendRaw(server.port, outcome.request.raw, REQUEST_TIMEOUT_MS);
      if (again.latencyMs <= SLOW_MS) outcome.problems = outcome.problems.filter((p) => p !== "slow");
    }

    printFuzzSummary(outcomes, { seed: SEED, elapsedMs, before, after });

    // The org is as it was: the token still works, the default server and the admin are untouched.
    const api = adminApi(server.origin);
    expect((await api("GET", "/api/v1/authorizationServers/default")).status).toBe("ACTIVE");
    expect((await api("GET", "/api/v1/users?limit=200")).some((user: { status: string; profile: { login: string } }) => user.profile.login === "admin@faults.test" && user.status === "ACTIVE")).toBe(true);

    const failures = outcomes.filter((o) => o.problems.length > 0);
    expect(failures.map(describeFailure).slice(0, 30)).toEqual([]);
    expect(growth).toEqual([]);
    expect(outcomes.length).toBe(requests.length);
    expect(server.running).toBe(true);
  });
});

/** Queued System Log events are written every 50 ms; let them land before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

function describeFailure({ request, answer, problems }: Outcome): string {
  const target = request.raw.target.length > 160 ? `${request.raw.target.slice(0, 160)}...` : request.raw.target;
  const headers = request.raw.headers.map(([name, value]) => `${name}: ${value.length > 60 ? `${value.slice(0, 60)}...` : value}`).join(" | ");
  return `${problems.join(", ")}: ${answer.status || answer.error} in ${Math.round(answer.latencyMs)} ms [${request.routeClass} / ${request.mutation}] ${request.raw.method} ${JSON.stringify(target)} ${JSON.stringify(headers)} body ${JSON.stringify(request.raw.body?.toString("latin1").slice(0, 80) ?? "")}`;
}
