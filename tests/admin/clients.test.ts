import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";
import { insertRefreshToken } from "../support/insert-refresh-token";

const DAY_MS = 86_400_000;

describe.each(testProviders())("authorization server clients and refresh tokens API on %s", (provider) => {
  let f: AdminFixture;
  let serverId: string;
  let otherServerId: string;
  let userId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    serverId = (await f.api("POST", "/api/v1/authorizationServers", { name: "Token Server", audiences: ["api://tokens"] })).body.id;
    otherServerId = (await f.api("POST", "/api/v1/authorizationServers", { name: "Other Server", audiences: ["api://other"] })).body.id;
    userId = newId("user");
    await f.db.user.create({
      data: {
        id: userId,
        status: "ACTIVE",
        login: "jane@idp.test",
        loginLower: "jane@idp.test",
        email: "jane@idp.test",
        emailLower: "jane@idp.test",
        profile: { login: "jane@idp.test", email: "jane@idp.test", firstName: "Jane", lastName: "Doe" },
      },
    });
  });
  afterAll(() => f.close());

  const base = (server: string) => `/api/v1/authorizationServers/${server}`;
  let appCount = 0;
  async function createApp(label: string, settings: Record<string, unknown> = {}) {
    appCount += 1;
    const id = newId("app");
    return f.db.app.create({
      data: {
        id,
        name: "oidc_client",
        label,
        status: "ACTIVE",
        signOnMode: "OPENID_CONNECT",
        clientId: `client${String(appCount).padStart(3, "0")}${id.slice(3, 10)}`,
        applicationType: "web",
        tokenEndpointAuthMethod: "client_secret_basic",
        oauthSettings: { redirect_uris: ["https://app.example/cb"], grant_types: ["authorization_code", "refresh_token"], ...settings },
        extra: {},
        created: f.clock.now,
        lastUpdated: f.clock.now,
      },
    });
  }
  async function createToken(
    clientId: string,
    options: { id?: string; server?: string; status?: string; familyId?: string; expiresAt?: Date | null; windowEndsAt?: Date; scopes?: string[]; userId?: string } = {},
  ) {
    const id = options.id ?? newId("refreshToken");
    return insertRefreshToken(f.db, {
        id,
        tokenHash: createHash("sha256").update(id).digest("hex"),
        familyId: options.familyId ?? `fam-${id}`,
        authServerId: options.server ?? serverId,
        clientId,
        userId: options.userId ?? userId,
        scopes: options.scopes ?? ["openid", "offline_access"],
        status: options.status ?? "ACTIVE",
        decision: {},
        expiresAt: options.expiresAt === undefined ? new Date(f.clock.now.getTime() + 30 * DAY_MS) : options.expiresAt,
        windowEndsAt: options.windowEndsAt ?? new Date(f.clock.now.getTime() + 7 * DAY_MS),
        created: f.clock.now,
      });
  }
  const tokenIds = (body: Array<{ id: string }>) => body.map((token) => token.id).sort();

  it("lists the clients that hold live refresh tokens of this server", async () => {
    const alpha = await createApp("Alpha App", { client_uri: "https://alpha.example", logo_uri: "https://alpha.example/logo.png" });
    const beta = await createApp("Beta App");
    const dead = await createApp("Dead Tokens App");
    const elsewhere = await createApp("Elsewhere App");
    await createToken(alpha.clientId);
    await createToken(alpha.clientId);
    await createToken(beta.clientId);
    await createToken(dead.clientId, { status: "REVOKED" });
    await createToken(dead.clientId, { status: "ROTATED" });
    await createToken(dead.clientId, { windowEndsAt: f.clock.now });
    await createToken(dead.clientId, { expiresAt: f.clock.now });
    await createToken(elsewhere.clientId, { server: otherServerId });
    await createToken("0oaAppThatIsGone0000");

    const res = await f.api("GET", `${base(serverId)}/clients`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        client_id: alpha.clientId,
        client_name: "Alpha App",
        client_uri: "https://alpha.example",
        logo_uri: "https://alpha.example/logo.png",
        _links: { tokens: { href: `${ORG_URL}${base(serverId)}/clients/${alpha.clientId}/tokens` } },
      },
      {
        client_id: beta.clientId,
        client_name: "Beta App",
        client_uri: null,
        logo_uri: null,
        _links: { tokens: { href: `${ORG_URL}${base(serverId)}/clients/${beta.clientId}/tokens` } },
      },
    ]);
    const other = await f.api("GET", `${base(otherServerId)}/clients`);
    expect(other.body.map((client: { client_id: string }) => client.client_id)).toEqual([elsewhere.clientId]);
    const missing = await f.api("GET", `${base("ausNoSuchServer00000")}/clients`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)" });
    expect((await f.api("POST", `${base(serverId)}/clients`, {})).status).toBe(405);
  });

  it("lists a client's live refresh tokens as Okta's OAuth2RefreshToken objects", async () => {
    const app = await createApp("Token Shape App");
    const live = await createToken(app.clientId, { scopes: ["openid", "offline_access", "profile"], expiresAt: new Date(f.clock.now.getTime() + 30 * DAY_MS), windowEndsAt: new Date(f.clock.now.getTime() + 7 * DAY_MS) });
    await createToken(app.clientId, { status: "ROTATED" });
    await createToken(app.clientId, { status: "REVOKED" });
    await createToken(app.clientId, { windowEndsAt: f.clock.now });
    await createToken(app.clientId, { server: otherServerId });

    const res = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens`);
    expect(res.status).toBe(200);
    const self = `${ORG_URL}${base(serverId)}/clients/${app.clientId}/tokens/${live.id}`;
    expect(res.body).toEqual([
      {
        id: live.id,
        status: "ACTIVE",
        created: f.clock.now.toISOString(),
        lastUpdated: f.clock.now.toISOString(),
        expiresAt: new Date(f.clock.now.getTime() + 7 * DAY_MS).toISOString(),
        issuer: `${ORG_URL}/oauth2/${serverId}`,
        clientId: app.clientId,
        userId,
        scopes: ["openid", "offline_access", "profile"],
        _links: {
          app: { href: `${ORG_URL}/api/v1/apps/${app.id}`, title: "Token Shape App" },
          self: { href: self },
          revoke: { href: self, hints: { allow: ["DELETE"] } },
          client: { href: `${ORG_URL}/oauth2/v1/clients/${app.clientId}`, title: "Token Shape App" },
          user: { href: `${ORG_URL}/api/v1/users/${userId}`, title: "Jane Doe" },
          authorizationServer: { href: `${ORG_URL}${base(serverId)}`, title: "Token Server" },
        },
      },
    ]);
    expect(res.headers.get("link")).toBe(`<${ORG_URL}${base(serverId)}/clients/${app.clientId}/tokens>; rel="self"`);
  });

  it("reports the end of the family as expiresAt when it comes before the window", async () => {
    const app = await createApp("Expiry App");
    const token = await createToken(app.clientId, { expiresAt: new Date(f.clock.now.getTime() + DAY_MS) });
    const res = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens/${token.id}`);
    expect(res.status).toBe(200);
    expect(res.body.expiresAt).toBe(new Date(f.clock.now.getTime() + DAY_MS).toISOString());
    expect(res.body.userId).toBe(userId);
  });

  it("pages with limit and an absolute Link rel=next until the end", async () => {
    const app = await createApp("Paged App");
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await createToken(app.clientId)).id);
    const seen: string[] = [];
    let path: string | null = `${base(serverId)}/clients/${app.clientId}/tokens?limit=2`;
    const sizes: number[] = [];
    while (path) {
      const res = await f.api("GET", path);
      expect(res.status).toBe(200);
      sizes.push(res.body.length);
      seen.push(...res.body.map((token: { id: string }) => token.id));
      const link = res.headers.get("link")!;
      expect(link).toContain(`<${ORG_URL}${path}>; rel="self"`);
      const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
      if (next) expect(next.startsWith(`${ORG_URL}${base(serverId)}/clients/${app.clientId}/tokens?limit=2&after=`)).toBe(true);
      path = next ? next.slice(ORG_URL.length) : null;
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(new Set(seen).size).toBe(5);
    expect([...seen].sort()).toEqual([...created].sort());
    const all = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens`);
    expect(all.body).toHaveLength(5);
    const bad = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errorSummary).toBe("Api validation failed: limit");
  });

  it("gets one token, with its scopes embedded on expand=scope", async () => {
    const app = await createApp("Get App");
    const token = await createToken(app.clientId, { scopes: ["openid", "custom:unknown"] });
    const res = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens/${token.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: token.id, status: "ACTIVE", clientId: app.clientId, scopes: ["openid", "custom:unknown"] });
    expect(res.body._embedded).toBeUndefined();

    const openid = await f.db.scope.findFirstOrThrow({ where: { authServerId: serverId, name: "openid" } });
    const expanded = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens/${token.id}?expand=scope`);
    expect(expanded.body._embedded).toEqual({
      scopes: [
        {
          id: openid.id,
          name: "openid",
          displayName: openid.displayName,
          description: openid.description,
          _links: { scope: { href: `${ORG_URL}${base(serverId)}/scopes/${openid.id}`, title: openid.displayName ?? "openid" } },
        },
        { name: "custom:unknown" },
      ],
    });
    const listed = await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens?expand=scope`);
    expect(listed.body[0]._embedded.scopes).toHaveLength(2);
  });

  it("answers 404 E0000007 for unknown servers, clients and tokens, and for tokens that are not this client's or no longer live", async () => {
    const app = await createApp("Not Found App");
    const otherApp = await createApp("Other Client App");
    const mine = await createToken(app.clientId);
    const theirs = await createToken(otherApp.clientId);
    const otherServer = await createToken(app.clientId, { server: otherServerId });
    const revoked = await createToken(app.clientId, { status: "REVOKED" });
    const expired = await createToken(app.clientId, { windowEndsAt: f.clock.now });

    const expect404 = async (path: string, summary: string) => {
      const res = await f.api("GET", path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ errorCode: "E0000007", errorSummary: summary });
    };
    await expect404(`${base(serverId)}/clients/${app.clientId}/tokens/oarNoSuchToken000000`, "Not found: Resource not found: oarNoSuchToken000000 (RefreshToken)");
    for (const token of [theirs, otherServer, revoked, expired]) {
      await expect404(`${base(serverId)}/clients/${app.clientId}/tokens/${token.id}`, `Not found: Resource not found: ${token.id} (RefreshToken)`);
    }
    await expect404(`${base(serverId)}/clients/0oaNoSuchClient00000/tokens`, "Not found: Resource not found: 0oaNoSuchClient00000 (AppInstance)");
    await expect404(`${base(serverId)}/clients/0oaNoSuchClient00000/tokens/${mine.id}`, "Not found: Resource not found: 0oaNoSuchClient00000 (AppInstance)");
    await expect404(`${base("ausNoSuchServer00000")}/clients/${app.clientId}/tokens`, "Not found: Resource not found: ausNoSuchServer00000 (AuthorizationServer)");
    const deleteUnknown = await f.api("DELETE", `${base(serverId)}/clients/${app.clientId}/tokens/oarNoSuchToken000000`);
    expect(deleteUnknown.status).toBe(404);
    const deleteTheirs = await f.api("DELETE", `${base(serverId)}/clients/${app.clientId}/tokens/${theirs.id}`);
    expect(deleteTheirs.status).toBe(404);
    expect((await f.db.refreshToken.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("ACTIVE");
    expect((await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens/${mine.id}`)).status).toBe(200);
  });

  it("revokes one token and the rest of its rotation family (bare 204), leaving other tokens alone", async () => {
    const app = await createApp("Revoke One App");
    const rotated = await createToken(app.clientId, { status: "ROTATED", familyId: "family-one" });
    const target = await createToken(app.clientId, { familyId: "family-one" });
    const sibling = await createToken(app.clientId);
    const otherServer = await createToken(app.clientId, { server: otherServerId });
    f.clock.advance(60_000);

    const res = await f.api("DELETE", `${base(serverId)}/clients/${app.clientId}/tokens/${target.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBeNull();
    for (const id of [target.id, rotated.id]) {
      expect(await f.db.refreshToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REVOKED", revoked: f.clock.now });
    }
    for (const id of [sibling.id, otherServer.id]) {
      expect(await f.db.refreshToken.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ACTIVE", revoked: null });
    }
    expect((await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens/${target.id}`)).status).toBe(404);
    expect(tokenIds((await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens`)).body)).toEqual([sibling.id]);

    const events = await readLogEvents(f.db, { where: { eventType: "app.oauth2.as.token.revoke" } });
    const event = events.find((e) => (e.target as Array<{ id: string }>)[0]?.id === target.id);
    expect(event).toBeDefined();
    expect(event!.outcomeResult).toBe("SUCCESS");
    expect(event!.target).toEqual([
      { id: target.id, type: "RefreshToken" },
      { id: app.id, type: "AppInstance", alternateId: app.clientId, displayName: "Revoke One App" },
      { id: serverId, type: "AuthorizationServer", displayName: "Token Server" },
    ]);

    const revokedAt = f.clock.now;
    f.clock.advance(60_000);
    const again = await f.api("DELETE", `${base(serverId)}/clients/${app.clientId}/tokens/${target.id}`);
    expect(again.status).toBe(204);
    expect((await f.db.refreshToken.findUniqueOrThrow({ where: { id: target.id } })).revoked).toEqual(revokedAt);
  });

  it("revokes all of a client's tokens from this server (bare 204); the client leaves the clients list", async () => {
    const app = await createApp("Revoke All App");
    const bystander = await createApp("Bystander App");
    const mine = [await createToken(app.clientId), await createToken(app.clientId), await createToken(app.clientId, { status: "ROTATED" })];
    const otherServer = await createToken(app.clientId, { server: otherServerId });
    const theirs = await createToken(bystander.clientId);
    const listed = async () => (await f.api("GET", `${base(serverId)}/clients`)).body.map((client: { client_id: string }) => client.client_id);
    expect(await listed()).toContain(app.clientId);
    f.clock.advance(60_000);

    const res = await f.api("DELETE", `${base(serverId)}/clients/${app.clientId}/tokens`);
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    for (const token of mine) {
      expect(await f.db.refreshToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ status: "REVOKED", revoked: f.clock.now });
    }
    for (const token of [otherServer, theirs]) {
      expect((await f.db.refreshToken.findUniqueOrThrow({ where: { id: token.id } })).status).toBe("ACTIVE");
    }
    expect((await f.api("GET", `${base(serverId)}/clients/${app.clientId}/tokens`)).body).toEqual([]);
    expect(await listed()).not.toContain(app.clientId);
    expect(await listed()).toContain(bystander.clientId);

    const events = await readLogEvents(f.db, { where: { eventType: "app.oauth2.as.token.revoke" } });
    const event = events.find((e) => (e.target as Array<{ id: string }>)[0]?.id === app.id);
    expect(event?.debugContext).toMatchObject({ debugData: { revokedTokens: 3 } });

    const nothingLeft = await f.api("DELETE", `${base(serverId)}/clients/${app.clientId}/tokens`);
    expect(nothingLeft.status).toBe(204);
    const unknown = await f.api("DELETE", `${base(serverId)}/clients/0oaNoSuchClient00000/tokens`);
    expect(unknown.status).toBe(404);
  });
});
