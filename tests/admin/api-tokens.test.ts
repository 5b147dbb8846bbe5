import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminApiError } from "@/lib/okta-api/admin-api-error";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { hashToken } from "@/lib/crypto/hash-token";
import { newId } from "@/lib/ids/new-id";
import { ADMIN_TOKEN, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvent } from "../support/read-log-events";
import { SUPER_ADMIN_USER } from "../support/admin-roles";

const T0 = "2026-01-15T10:00:00.000Z";

describe.each(testProviders())("API tokens API on %s", (provider) => {
  let f: AdminFixture;
  let admin: { id: string; login: string };
  let bootstrapTokenId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    admin = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER, select: { id: true, login: true } });
    bootstrapTokenId = (await f.db.apiToken.findFirstOrThrow({ where: { userId: admin.id } })).id;
  });
  afterAll(() => f.close());

  const tokenJson = (token: { id: string; name: string; created: string; lastUpdated: unknown; lastUsed: unknown; expiresAt?: string | null }) => ({
    id: token.id,
    name: token.name,
    userId: admin.id,
    clientName: "Management API",
    created: token.created,
    lastUpdated: token.lastUpdated,
    expiresAt: token.expiresAt ?? null,
    lastUsed: token.lastUsed,
    network: { connection: "ANYWHERE" },
    _link: {
      self: { href: `${ORG_URL}/api/v1/api-tokens/${token.id}`, hints: { allow: ["GET", "DELETE"] } },
      user: [{ name: "Admin User", href: `${ORG_URL}/api/v1/users/${admin.id}`, hints: { allow: ["GET"] } }],
    },
  });
  const mint = (name: string, extra: { expiresAt?: Date | null; userId?: string } = {}) => createApiToken(f.db, { name, userId: extra.userId ?? admin.id, expiresAt: extra.expiresAt }, f.clock.now);

  it("lists the live tokens (200) as Okta's ApiToken metadata, never the secret or its hash", async () => {
    const res = await f.api("GET", "/api/v1/api-tokens");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      // the request itself just used the bootstrap token; lastUpdated is not asserted (see the report on @updatedAt)
      tokenJson({ id: bootstrapTokenId, name: "Bootstrap token", created: T0, lastUpdated: expect.any(String), lastUsed: T0 }),
    ]);
    expect(res.headers.get("link")).toBe(`<${ORG_URL}/api/v1/api-tokens>; rel="self"`);
    expect(res.text).not.toContain(ADMIN_TOKEN);
    expect(res.text).not.toContain(hashToken(ADMIN_TOKEN));
    expect(res.text).not.toContain("tokenHash");
  });

  it("createApiToken mints '00' + 40 base64url characters, stores only the hash, logs system.api_token.create, and the token works", async () => {
    const { token, record } = await mint("Dashboard token");
    expect(token).toMatch(/^00[A-Za-z0-9_-]{40}$/);
    expect(record).toMatchObject({ name: "Dashboard token", userId: admin.id, status: "ACTIVE", clientName: "Management API", expiresAt: null, lastUsed: null, created: new Date(T0), lastUpdated: new Date(T0) });
    expect(record.id).toMatch(/^00T[0-9A-Za-z]{17}$/);
    const stored = await f.db.apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const event = await readLogEvent(f.db, { where: { eventType: "system.api_token.create" } });
    expect(event).toMatchObject({ actorId: admin.id, outcomeResult: "SUCCESS" });
    expect(event.target).toEqual([{ id: record.id, type: "Token", displayName: "Dashboard token" }]);
    expect(JSON.stringify(event)).not.toContain(token);

    const second = await mint("Another");
    expect(second.token).not.toBe(token);
    const used = await f.api("GET", "/api/v1/groups", undefined, { token });
    expect(used.status).toBe(200);
  });

  it("gets one token's metadata (200), and 404s an unknown id with E0000007 (ApiToken)", async () => {
    const { record } = await mint("Never used");
    const res = await f.api("GET", `/api/v1/api-tokens/${record.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(tokenJson({ id: record.id, name: "Never used", created: T0, lastUpdated: T0, lastUsed: null }));
    const missing = await f.api("GET", "/api/v1/api-tokens/00TNoSuchToken000000");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 00TNoSuchToken000000 (ApiToken)", errorCauses: [] });
  });

  it("shows lastUsed once a token has been used", async () => {
    const { token, record } = await mint("Used later");
    f.clock.advance(90_000);
    expect((await f.api("GET", "/api/v1/api-tokens", undefined, { token })).status).toBe(200);
    const res = await f.api("GET", `/api/v1/api-tokens/${record.id}`);
    expect(res.body.lastUsed).toBe(f.clock.now.toISOString());
    expect(res.body.created).toBe(record.created.toISOString());
  });

  it("revokes a token (bare 204): it then gets 401 E0000011, is not found or listed, and the row is REVOKED", async () => {
    const { token, record } = await mint("Second admin token");
    expect((await f.api("GET", "/api/v1/api-tokens", undefined, { token })).status).toBe(200);
    f.clock.advance(1_000);
    const res = await f.api("DELETE", `/api/v1/api-tokens/${record.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBeNull();

    const refused = await f.api("GET", "/api/v1/groups", undefined, { token });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ errorCode: "E0000011", errorSummary: "Invalid token provided" });
    expect((await f.api("GET", `/api/v1/api-tokens/${record.id}`)).status).toBe(404);
    const list = await f.api("GET", "/api/v1/api-tokens");
    expect(list.body.map((t: { id: string }) => t.id)).not.toContain(record.id);
    expect(await f.db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({ status: "REVOKED", lastUpdated: f.clock.now });
    const event = await readLogEvent(f.db, { where: { eventType: "system.api_token.revoke" } });
    expect(event).toMatchObject({ actorId: admin.id, outcomeResult: "SUCCESS" });
    expect(event.target).toEqual([{ id: record.id, type: "Token", displayName: "Second admin token" }]);

    const again = await f.api("DELETE", `/api/v1/api-tokens/${record.id}`);
    expect(again.status).toBe(404);
    expect(again.body.errorCode).toBe("E0000007");
    expect(await f.db.systemLogEvent.count({ where: { eventType: "system.api_token.revoke" } })).toBe(1);
    expect((await f.api("DELETE", "/api/v1/api-tokens/00TNoSuchToken000000")).status).toBe(404);
  });

  it("DELETE /api-tokens/current revokes the calling token only", async () => {
    const { token, record } = await mint("Self-revoking");
    const res = await f.api("DELETE", "/api/v1/api-tokens/current", undefined, { token });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await f.api("GET", "/api/v1/api-tokens", undefined, { token })).status).toBe(401);
    expect((await f.db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).status).toBe("REVOKED");
    const still = await f.api("GET", `/api/v1/api-tokens/${bootstrapTokenId}`);
    expect(still.status).toBe(200);
    expect((await f.api("GET", "/api/v1/api-tokens/current")).status).toBe(405);
  });

  it("neither lists nor finds expired tokens", async () => {
    const { record: expired } = await mint("Expired", { expiresAt: new Date(f.clock.now.getTime() - 1) });
    const { record: expiring } = await mint("Expiring", { expiresAt: new Date(f.clock.now.getTime() + 60_000) });
    const ids = (await f.api("GET", "/api/v1/api-tokens")).body.map((t: { id: string }) => t.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).toContain(expiring.id);
    expect((await f.api("GET", `/api/v1/api-tokens/${expired.id}`)).status).toBe(404);
    const live = await f.api("GET", `/api/v1/api-tokens/${expiring.id}`);
    expect(live.body.expiresAt).toBe(new Date(f.clock.now.getTime() + 60_000).toISOString());
  });

  it("lists every owner's tokens, filters with q, and pages with Link rel=next to the end", async () => {
    const login = "second.admin@example.com";
    const other = await f.db.user.create({
      data: {
        id: newId("user"),
        status: "ACTIVE",
        login,
        loginLower: login,
        email: login,
        emailLower: login,
        profile: { login, email: login, firstName: "Second", lastName: "Admin" },
        roleAssignments: { create: { id: newId("roleAssignment"), type: "SUPER_ADMIN", assigneeType: "USER" } },
        created: f.clock.now,
        lastUpdated: f.clock.now,
      },
    });
    const made = [];
    for (let i = 0; i < 4; i++) made.push((await mint(`Paged ${i}`, { userId: i === 0 ? other.id : admin.id })).record.id);
    const otherToken = (await f.api("GET", `/api/v1/api-tokens/${made[0]}`)).body;
    expect(otherToken).toMatchObject({ userId: other.id, _link: { user: [{ name: "Second Admin", href: `${ORG_URL}/api/v1/users/${other.id}` }] } });

    const seen: string[] = [];
    let path: string | null = "/api/v1/api-tokens?q=PAGED&limit=3";
    let pages = 0;
    while (path) {
      const res = await f.api("GET", path);
      expect(res.status).toBe(200);
      pages++;
      seen.push(...res.body.map((t: { id: string }) => t.id));
      const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link")!)?.[1];
      if (next) expect(next.startsWith(`${ORG_URL}/api/v1/api-tokens?q=PAGED&limit=3&after=`)).toBe(true);
      path = next ? next.slice(ORG_URL.length) : null;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(made.sort());
    expect((await f.api("GET", "/api/v1/api-tokens?q=management%20api")).body.length).toBe(await f.db.apiToken.count({ where: { status: "ACTIVE", OR: [{ expiresAt: null }, { expiresAt: { gt: f.clock.now } }] } }));
  });

  it.each([
    [{ name: "  " }, "name", "name: The field cannot be left blank."],
    [{ name: "x".repeat(256) }, "name", "name: A token name is at most 255 characters."],
    [{ name: "Ghost", userId: "00uNoSuchUser0000000" }, "userId", "userId: The owner must be an existing ACTIVE user."],
  ])("createApiToken refuses %j with E0000001 on %s and creates nothing", async (input, field, cause) => {
    const before = await f.db.apiToken.count();
    let error: unknown;
    try {
      await createApiToken(f.db, { userId: admin.id, ...input }, f.clock.now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ status: 400, errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, causes: [cause] });
    expect(await f.db.apiToken.count()).toBe(before);
  });

  it("createApiToken refuses an owner who is not ACTIVE", async () => {
    const login = "suspended@example.com";
    const suspended = await f.db.user.create({
      data: { id: newId("user"), status: "SUSPENDED", login, loginLower: login, email: login, emailLower: login, profile: { login }, created: f.clock.now, lastUpdated: f.clock.now },
    });
    await expect(mint("Nope", { userId: suspended.id })).rejects.toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: userId" });
  });

  it("answers 405 for methods the paths do not support (no creation through the API)", async () => {
    const post = await f.api("POST", "/api/v1/api-tokens", { name: "Nope" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    expect((await f.api("PUT", `/api/v1/api-tokens/${bootstrapTokenId}`, { name: "x" })).status).toBe(405);
  });
});
