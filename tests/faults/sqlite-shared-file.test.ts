import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send, type LoadRecord, type LoadRequest } from "./support/load";
import { createWebClientWithUser, formHeaders } from "./support/org";
import { printPhases } from "./support/report";
import { FAULTS_ADMIN_TOKEN, startServers, type ServerInstance } from "./support/server-instance";

// Issue 13, item 6: two production instances (two processes) on one SQLite file. For 8 s, admin
// writes (groups and users created, then changed) and refresh-token rotations alternate between
// the instances as fast as they are answered. Every one must succeed: no 500, no 503, and no
// SQLITE_BUSY in either server's log (write transactions take the write lock first, BEGIN IMMEDIATE).

const DURATION_MS = 8_000;
const WRITERS = 6; // admin-write loops
const CHAINS = 4; // refresh-token chains, each rotating its own token
/** Admin calls of the load, below the API token's 1,200 a minute with room for the set-up's. */
const ADMIN_CALL_BUDGET = 1_000;

let servers: ServerInstance[] = [];
let web: Awaited<ReturnType<typeof createWebClientWithUser>>;

beforeAll(async () => {
  servers = await startServers(2, { databaseUrl: `file:${process.env.FAULTS_RUN_DIR}/shared.db`, name: "sqlite" });
  web = await createWebClientWithUser(servers[0]!.origin, "Faults shared file");
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

const admin = (method: string, path: string, body?: unknown): LoadRequest => ({
  method,
  path,
  headers: { Authorization: `SSWS ${FAULTS_ADMIN_TOKEN}`, "Content-Type": "application/json", Accept: "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

describe("two processes on one SQLite file", () => {
  it("concurrent admin writes and refresh-token rotations from both: every one succeeds, no SQLITE_BUSY", async () => {
    const records: LoadRecord[] = [];
    const started = Date.now();
    const until = started + DURATION_MS;
    /** Sends to the instance whose turn it is; records the answer; returns its JSON (null when not 2xx). */
    const call = async (turn: number, name: string, request: LoadRequest) => {
      const { record, text } = await send(servers[turn % servers.length]!.origin, request, { timeoutMs: 30_000 });
      records.push({ ...record, target: name });
      return record.status >= 200 && record.status < 300 && text ? JSON.parse(text) : null;
    };

    // Admin calls stay under the API token's rate limit (1,200 a minute): a fast machine would otherwise get 429s.
    let adminCalls = 0;
    const writer = async (w: number) => {
      for (let turn = w; Date.now() < until && adminCalls < ADMIN_CALL_BUDGET; turn += 1) {
        adminCalls += 4;
        const tag = `${w}-${turn}-${Date.now().toString(36)}`;
        const group = await call(turn, "create group", admin("POST", "/api/v1/groups", { profile: { name: `Shared ${tag}`, description: "created" } }));
        if (group) await call(turn + 1, "replace group", admin("PUT", `/api/v1/groups/${group.id}`, { profile: { name: `Shared ${tag}`, description: "changed" } }));
        const login = `shared.${tag}@faults.test`;
        const user = await call(turn, "create user", admin("POST", "/api/v1/users?activate=false", { profile: { firstName: "Shared", lastName: tag, email: login, login } }));
        if (user) await call(turn + 1, "update user", admin("POST", `/api/v1/users/${user.id}`, { profile: { nickName: `changed ${tag}` } }));
      }
    };
    const chain = async (c: number) => {
      const form = (body: Record<string, string>): LoadRequest => ({ method: "POST", path: "/oauth2/default/v1/token", headers: formHeaders(web), body: new URLSearchParams(body).toString() });
      let tokens = await call(c, "password grant", form({ grant_type: "password", username: web.login, password: web.password, scope: "openid offline_access" }));
      for (let turn = c + 1; tokens && Date.now() < until; turn += 1) {
        tokens = await call(turn, "refresh rotation", form({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }));
      }
    };
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), ...Array.from({ length: CHAINS }, (_, c) => chain(c))]);
    printPhases(`two processes on one SQLite file, ${WRITERS} admin writers and ${CHAINS} refresh chains`, records, [{ name: "load", from: started, to: Date.now() + 1 }]);

    const failed = records.filter((r) => r.status < 200 || r.status >= 300).map((r) => `${r.target} ${r.status || r.error} ${r.body?.slice(0, 200) ?? ""}`);
    expect(failed.slice(0, 10)).toEqual([]);
    expect(records.filter((r) => r.target === "refresh rotation").length).toBeGreaterThan(20);
    expect(records.filter((r) => r.target === "replace group").length).toBeGreaterThan(10);
    for (const server of servers) {
      // Prisma's better-sqlite3 adapter reports SQLITE_BUSY as a "SocketTimeout" driver error
      expect(server.output().match(/.*(SQLITE_BUSY|database is locked|SocketTimeout).*/gi) ?? [], server.name).toEqual([]);
      expect(server.exits, server.name).toEqual([]);
    }
  });
});
