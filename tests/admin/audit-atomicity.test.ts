import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { deriveKey } from "@/lib/crypto/derive-key";
import { rotateDueKeys } from "@/lib/keys/rotate-due-keys";
import { APP_SECRET, createAdminFixture, type AdminFixture, type ApiResult } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { act, adminUserId, sessionCookie } from "../dashboard/dashboard-fixture";
import { SUPER_ADMIN_USER } from "../support/admin-roles";

// Item 8 of issue 13: an admin change and its System Log event commit together or not at all. A
// real trigger in the database refuses every System Log insert; each admin change must then fail
// (500) and leave every table exactly as it was. Without the trigger the same request succeeds and
// writes its event, so each case is known to make a change.

const REFUSAL = "audit_refused_by_the_test_trigger";

/** Every table's rows (the rate-limit buckets aside: the request pipeline counts before the operation). */
async function snapshot(f: AdminFixture): Promise<Record<string, string[]>> {
  const tables =
    f.provider === "sqlite"
      ? await f.db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'`)
      : await f.db.$queryRawUnsafe<Array<{ name: string }>>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%'`,
        );
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (name === "RateLimitBucket") continue;
    const rows = await f.db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    result[name] = rows.map((row) => JSON.stringify(row, (_, value) => (typeof value === "bigint" ? value.toString() : value))).sort();
  }
  return result;
}

/** Installs (or removes) a trigger that makes every insert into SystemLogEvent fail. */
async function refuseAuditEvents(f: AdminFixture, refuse: boolean): Promise<void> {
  if (f.provider === "sqlite") {
    // RAISE() would surface as a constraint violation, which operations read as "deleted meanwhile";
    // a statement on a table that does not exist fails the insert as a plain error.
    await f.db.$executeRawUnsafe(
      refuse ? `CREATE TRIGGER refuse_audit BEFORE INSERT ON "SystemLogEvent" BEGIN INSERT INTO ${REFUSAL} VALUES (1); END` : `DROP TRIGGER refuse_audit`,
    );
    return;
  }
  if (refuse) {
    await f.db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${REFUSAL}'; END $$`);
    await f.db.$executeRawUnsafe(`CREATE TRIGGER refuse_audit BEFORE INSERT ON "SystemLogEvent" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`);
  } else {
    await f.db.$executeRawUnsafe(`DROP TRIGGER refuse_audit ON "SystemLogEvent"`);
  }
}

type Ids = Record<string, string>;
type Case = { name: string; setup?: (f: AdminFixture, n: number) => Promise<Ids>; request: (ids: Ids, n: number) => [method: string, path: string, body?: unknown] };

const AS = "/api/v1/authorizationServers";

async function ok(res: Promise<ApiResult>): Promise<ApiResult> {
  const result = await res;
  expect(result.status, result.text).toBeLessThan(300);
  return result;
}
const user = async (f: AdminFixture, n: number, activate = true) =>
  (
    await ok(
      f.api("POST", `/api/v1/users?activate=${activate}`, {
        profile: { login: `u${n}-${Math.random().toString(36).slice(2)}@example.com`, email: `u${n}@example.com`, firstName: "A", lastName: "B" },
        ...(activate ? { credentials: { password: { value: "correct horse battery staple" } } } : {}),
      }),
    )
  ).body.id as string;
const group = async (f: AdminFixture, n: number) => (await ok(f.api("POST", "/api/v1/groups", { profile: { name: `g${n}-${Math.random()}` } }))).body.id as string;
const appBody = (label: string) => ({
  name: "oidc_client",
  label,
  signOnMode: "OPENID_CONNECT",
  credentials: { oauthClient: {} },
  settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/callback"] } },
});
const app = async (f: AdminFixture, n: number, activate = true) => (await ok(f.api("POST", `/api/v1/apps?activate=${activate}`, appBody(`app ${n}`)))).body.id as string;
const server = async (f: AdminFixture, n: number) => (await ok(f.api("POST", AS, { name: `as${n}-${Math.random()}`, audiences: [`api://as${n}`] }))).body.id as string;
const policy = async (f: AdminFixture, serverId: string) =>
  (await ok(f.api("POST", `${AS}/${serverId}/policies`, { type: "OAUTH_AUTHORIZATION_POLICY", name: "P", conditions: { clients: { include: ["ALL_CLIENTS"] } } }))).body.id as string;

const cases: Case[] = [
  { name: "create user (with a group)", setup: async (f, n) => ({ g: await group(f, n) }), request: (ids, n) => ["POST", "/api/v1/users?activate=true", { profile: { login: `new${n}@example.com`, email: `new${n}@example.com`, firstName: "N", lastName: "U" }, credentials: { password: { value: "correct horse battery staple" } }, groupIds: [ids.g] }] },
  { name: "update user profile and password", setup: async (f, n) => ({ u: await user(f, n) }), request: (ids, n) => ["POST", `/api/v1/users/${ids.u}`, { profile: { login: `renamed${n}@example.com`, email: "r@example.com", firstName: "R", lastName: "R" }, credentials: { password: { value: "another long password" } } }] },
  { name: "activate user", setup: async (f, n) => ({ u: await user(f, n, false) }), request: (ids) => ["POST", `/api/v1/users/${ids.u}/lifecycle/activate`] },
  { name: "suspend user", setup: async (f, n) => ({ u: await user(f, n) }), request: (ids) => ["POST", `/api/v1/users/${ids.u}/lifecycle/suspend`] },
  { name: "deactivate user", setup: async (f, n) => ({ u: await user(f, n) }), request: (ids) => ["POST", `/api/v1/users/${ids.u}/lifecycle/deactivate`] },
  {
    name: "delete a deactivated user",
    setup: async (f, n) => {
      const u = await user(f, n);
      await ok(f.api("POST", `/api/v1/users/${u}/lifecycle/deactivate`));
      return { u };
    },
    request: (ids) => ["DELETE", `/api/v1/users/${ids.u}`],
  },
  { name: "create group", request: (_, n) => ["POST", "/api/v1/groups", { profile: { name: `created ${n}` } }] },
  { name: "replace group", setup: async (f, n) => ({ g: await group(f, n) }), request: (ids, n) => ["PUT", `/api/v1/groups/${ids.g}`, { profile: { name: `replaced ${n}` } }] },
  { name: "delete group", setup: async (f, n) => ({ g: await group(f, n) }), request: (ids) => ["DELETE", `/api/v1/groups/${ids.g}`] },
  { name: "add group member", setup: async (f, n) => ({ g: await group(f, n), u: await user(f, n) }), request: (ids) => ["PUT", `/api/v1/groups/${ids.g}/users/${ids.u}`] },
  {
    name: "remove group member",
    setup: async (f, n) => {
      const ids = { g: await group(f, n), u: await user(f, n) };
      await ok(f.api("PUT", `/api/v1/groups/${ids.g}/users/${ids.u}`));
      return ids;
    },
    request: (ids) => ["DELETE", `/api/v1/groups/${ids.g}/users/${ids.u}`],
  },
  { name: "create app (with its secret)", request: (_, n) => ["POST", "/api/v1/apps", appBody(`created ${n}`)] },
  { name: "replace app", setup: async (f, n) => ({ a: await app(f, n) }), request: (ids, n) => ["PUT", `/api/v1/apps/${ids.a}`, appBody(`replaced ${n}`)] },
  { name: "deactivate app", setup: async (f, n) => ({ a: await app(f, n) }), request: (ids) => ["POST", `/api/v1/apps/${ids.a}/lifecycle/deactivate`] },
  { name: "delete app", setup: async (f, n) => ({ a: await app(f, n, false) }), request: (ids) => ["DELETE", `/api/v1/apps/${ids.a}`] },
  { name: "create client secret", setup: async (f, n) => ({ a: await app(f, n) }), request: (ids) => ["POST", `/api/v1/apps/${ids.a}/credentials/secrets`, {}] },
  { name: "assign group to app", setup: async (f, n) => ({ a: await app(f, n), g: await group(f, n) }), request: (ids) => ["PUT", `/api/v1/apps/${ids.a}/groups/${ids.g}`, {}] },
  { name: "assign user to app", setup: async (f, n) => ({ a: await app(f, n), u: await user(f, n) }), request: (ids) => ["POST", `/api/v1/apps/${ids.a}/users`, { id: ids.u, scope: "USER" }] },
  {
    name: "unassign user from app",
    setup: async (f, n) => {
      const ids = { a: await app(f, n), u: await user(f, n) };
      await ok(f.api("POST", `/api/v1/apps/${ids.a}/users`, { id: ids.u, scope: "USER" }));
      return ids;
    },
    request: (ids) => ["DELETE", `/api/v1/apps/${ids.a}/users/${ids.u}`],
  },
  { name: "register dynamic client", request: (_, n) => ["POST", "/oauth2/v1/clients", { client_name: `dcr ${n}`, application_type: "web", redirect_uris: ["https://dcr.example.com/cb"] }] },
  { name: "create trusted origin", request: (_, n) => ["POST", "/api/v1/trustedOrigins", { name: `to ${n}`, origin: `https://to${n}.example.com`, scopes: [{ type: "CORS" }] }] },
  {
    name: "delete trusted origin",
    setup: async (f, n) => ({ t: (await ok(f.api("POST", "/api/v1/trustedOrigins", { name: `to ${n}`, origin: `https://old${n}.example.com`, scopes: [{ type: "CORS" }] }))).body.id }),
    request: (ids) => ["DELETE", `/api/v1/trustedOrigins/${ids.t}`],
  },
  { name: "create authorization server", request: (_, n) => ["POST", AS, { name: `new as ${n}`, audiences: ["api://new"] }] },
  { name: "replace authorization server", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids, n) => ["PUT", `${AS}/${ids.s}`, { name: `renamed as ${n}`, audiences: ["api://renamed"] }] },
  { name: "deactivate authorization server", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids) => ["POST", `${AS}/${ids.s}/lifecycle/deactivate`] },
  { name: "delete authorization server", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids) => ["DELETE", `${AS}/${ids.s}`] },
  { name: "rotate keys", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids) => ["POST", `${AS}/${ids.s}/credentials/lifecycle/keyRotate`, { use: "sig" }] },
  { name: "create policy", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids) => ["POST", `${AS}/${ids.s}/policies`, { type: "OAUTH_AUTHORIZATION_POLICY", name: "P", conditions: { clients: { include: ["ALL_CLIENTS"] } } }] },
  {
    name: "create policy rule",
    setup: async (f, n) => {
      const s = await server(f, n);
      return { s, p: await policy(f, s) };
    },
    request: (ids) => ["POST", `${AS}/${ids.s}/policies/${ids.p}/rules`, { type: "RESOURCE_ACCESS", name: "R", conditions: { grantTypes: { include: ["authorization_code"] }, scopes: { include: ["*"] } } }],
  },
  { name: "create scope", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids) => ["POST", `${AS}/${ids.s}/scopes`, { name: "car:drive" }] },
  { name: "create claim", setup: async (f, n) => ({ s: await server(f, n) }), request: (ids) => ["POST", `${AS}/${ids.s}/claims`, { name: "mail", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email" }] },
  { name: "update org settings", request: (_, n) => ["POST", "/api/v1/org/settings", { lockoutThreshold: 20 + n }] },
  {
    name: "revoke API token",
    setup: async (f) => {
      const admin = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER });
      return { t: (await createApiToken(f.db, { name: "second", userId: admin.id }, f.clock.now)).record.id };
    },
    request: (ids) => ["DELETE", `/api/v1/api-tokens/${ids.t}`],
  },
];

describe.each(testProviders())("admin changes and their audit events on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    await ok(f.api("GET", "/api/v1/groups")); // the token's lastUsed is stamped once, before any snapshot
  });
  afterAll(() => f.close());

  it.each(cases.map((c, n) => [c.name, c, n] as const))("%s: refused audit event -> 500 and no change; allowed -> 2xx with its event", async (_, c, n) => {
    const ids = (await c.setup?.(f, n)) ?? {};
    const [method, path, body] = c.request(ids, n);
    const before = await snapshot(f);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await refuseAuditEvents(f, true);
    let refused: ApiResult;
    let causes: string;
    try {
      refused = await f.api(method, path, body);
      causes = logged.mock.calls.flat().map((arg) => (arg instanceof Error ? arg.message : String(arg))).join("\n");
    } finally {
      await refuseAuditEvents(f, false);
      logged.mockRestore();
    }
    expect(refused.status, refused.text).toBe(500);
    expect(refused.body.errorCode).toBe("E0000009");
    expect(causes).toContain(REFUSAL); // the request failed on its audit event, not on anything else
    expect(await snapshot(f)).toEqual(before);

    const events = await f.db.systemLogEvent.count();
    await ok(f.api(method, path, body));
    expect(await f.db.systemLogEvent.count()).toBeGreaterThan(events);
  });

  it("the dashboard's end-all-sessions keeps the sessions when its events are refused", async () => {
    const userId = await user(f, 2000);
    for (let i = 0; i < 2; i++) await sessionCookie(f, userId);
    const adminCookie = await sessionCookie(f, await adminUserId(f));
    expect(await act(f, adminCookie, "user.revokeSession", { userId, sessionId: "none" })).toMatchObject({ ok: false }); // touches the admin's session once
    const before = await snapshot(f);
    await refuseAuditEvents(f, true);
    try {
      await expect(act(f, adminCookie, "user.revokeAllSessions", { userId })).rejects.toThrow(REFUSAL);
    } finally {
      await refuseAuditEvents(f, false);
    }
    expect(await snapshot(f)).toEqual(before);
    expect(await act(f, adminCookie, "user.revokeAllSessions", { userId })).toEqual({ ok: true, notice: "Ended 2 session(s)." });
    expect(await f.db.userSession.count({ where: { userId, revoked: null } })).toBe(0);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "user.session.end", actorId: userId } })).toBe(2);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "user.session.clear" } })).toBe(1);
  });

  it("an API token created in the dashboard is not stored when its event is refused", async () => {
    const admin = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER });
    const before = await snapshot(f);
    await refuseAuditEvents(f, true);
    try {
      await expect(createApiToken(f.db, { name: "refused", userId: admin.id }, f.clock.now)).rejects.toThrow(REFUSAL);
    } finally {
      await refuseAuditEvents(f, false);
    }
    expect(await snapshot(f)).toEqual(before);
  });

  it("a scheduled key rotation is not applied when its event is refused", async () => {
    const serverId = await server(f, 1000);
    await f.db.authorizationServer.update({ where: { id: serverId }, data: { rotationMode: "AUTO", nextRotation: new Date(f.clock.now.getTime() - 1000) } });
    const secretsKey = deriveKey(APP_SECRET, "secrets-at-rest");
    const before = await snapshot(f);
    await refuseAuditEvents(f, true);
    try {
      await expect(rotateDueKeys(f.db, serverId, secretsKey, f.clock.now)).rejects.toThrow(REFUSAL);
    } finally {
      await refuseAuditEvents(f, false);
    }
    expect(await snapshot(f)).toEqual(before);
    expect(await rotateDueKeys(f.db, serverId, secretsKey, f.clock.now)).toBe(true);
    expect(await f.db.systemLogEvent.count({ where: { eventType: "app.oauth2.as.key.rollover", actorId: "system" } })).toBe(1);
  });
});
