import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { resetVerificationKeyCache } from "@/lib/oauth/verify/find-verification-key";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import {
  signingKeyByKid,
  createTestClient,
  createTestUser,
  introspect,
  mintAccessToken,
  mintIdToken,
  mintRefreshToken,
  type TestClient,
  type TestUser,
} from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";

const MINUTE_MS = 60_000;
const INACTIVE = { active: false };
const kidOf = (token: string) => JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString()).kid as string;

/**
 * Spec, Troubleshooting: tokens are revoked implicitly when the user is deactivated or deleted, the
 * authorization server is deactivated or deleted, or the client app is deactivated, changed,
 * unassigned or deleted. Introspection sees it at once (user and app state are read per request;
 * the server's state within the snapshot's one-second check).
 */
describe.each(testProviders())("implicit revocation seen by introspection on %s", (provider) => {
  let f: AdminFixture;
  let inspector: TestClient;
  let counter = 0;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    inspector = await createTestClient(f, "Inspector");
  });
  afterAll(() => f.close());
  beforeEach(() => {
    resetServerSnapshotCache();
    resetVerificationKeyCache();
    f.clock.advance(MINUTE_MS);
  });

  /** A fresh app and user, assigned, and one token of each kind for them. */
  async function grant(authServerId = "default") {
    counter++;
    const app = await createTestClient(f, `App ${counter}`);
    const user = await createTestUser(f, `User${counter}`, [app]);
    f.clock.advance(MINUTE_MS);
    return { app, user, ...(await tokens(app, user, authServerId)) };
  }

  async function tokens(app: TestClient, user: TestUser, authServerId = "default") {
    const access = await mintAccessToken(f, { authServerId, client: app, user, scopes: ["openid", "profile"] });
    const refresh = await mintRefreshToken(f, { authServerId, client: app, user, scopes: ["openid", "offline_access"] });
    const id = await mintIdToken(f, { authServerId, client: app, user });
    return { access: access.token, refresh: refresh.token, id: id.token };
  }

  async function activity(set: { access: string; refresh: string; id: string }, authServerId = "default") {
    const out: boolean[] = [];
    for (const token of [set.access, set.refresh, set.id]) {
      const res = await introspect(inspector, { token }, { authServerId });
      expect(res.status).toBe(200);
      out.push(res.body.active);
      if (!res.body.active) expect(res.body).toEqual(INACTIVE);
    }
    return out;
  }

  it("user deactivated: every token dies at once; deleted: they stay dead", async () => {
    const g = await grant();
    expect(await activity(g)).toEqual([true, true, true]);
    expect((await f.api("POST", `/api/v1/users/${g.user.id}/lifecycle/deactivate`)).status).toBe(200);
    expect(await activity(g)).toEqual([false, false, false]);
    expect((await f.api("DELETE", `/api/v1/users/${g.user.id}`)).status).toBe(204);
    expect(await f.db.user.count({ where: { id: g.user.id } })).toBe(0);
    expect(await activity(g)).toEqual([false, false, false]);
  });

  it("user suspended then unsuspended: tokens from before stay dead, tokens issued after live", async () => {
    const g = await grant();
    expect((await f.api("POST", `/api/v1/users/${g.user.id}/lifecycle/suspend`)).status).toBe(200);
    expect(await activity(g)).toEqual([false, false, false]);
    // issued in the very second of the change: only the user's status kills it
    expect(await activity(await tokens(g.app, g.user))).toEqual([false, false, false]);
    f.clock.advance(MINUTE_MS);
    expect((await f.api("POST", `/api/v1/users/${g.user.id}/lifecycle/unsuspend`)).status).toBe(200);
    // the access and ID tokens are JWTs: only iat < statusChanged keeps them dead now
    expect(await activity(g)).toEqual([false, false, false]);
    f.clock.advance(1000);
    expect(await activity(await tokens(g.app, g.user))).toEqual([true, true, true]);
  });

  it("app deactivated: tokens die; reactivated: old tokens stay dead, new ones live", async () => {
    const g = await grant();
    expect((await f.api("POST", `/api/v1/apps/${g.app.appId}/lifecycle/deactivate`)).status).toBe(200);
    expect(await activity(g)).toEqual([false, false, false]);
    // issued in the very second of the change: only the app's status kills it
    expect(await activity(await tokens(g.app, g.user))).toEqual([false, false, false]);
    f.clock.advance(MINUTE_MS);
    expect((await f.api("POST", `/api/v1/apps/${g.app.appId}/lifecycle/activate`)).status).toBe(200);
    expect(await activity(g)).toEqual([false, false, false]);
    f.clock.advance(1000);
    expect(await activity(await tokens(g.app, g.user))).toEqual([true, true, true]);
  });

  it("app deleted: its tokens die", async () => {
    const g = await grant();
    expect((await f.api("POST", `/api/v1/apps/${g.app.appId}/lifecycle/deactivate`)).status).toBe(200);
    expect((await f.api("DELETE", `/api/v1/apps/${g.app.appId}`)).status).toBe(204);
    expect(await activity(g)).toEqual([false, false, false]);
  });

  it("app changed (PUT): tokens issued before die; a PUT that changes nothing keeps them", async () => {
    const g = await grant();
    const current = await f.api("GET", `/api/v1/apps/${g.app.appId}`);
    f.clock.advance(MINUTE_MS);
    expect((await f.api("PUT", `/api/v1/apps/${g.app.appId}`, current.body)).status).toBe(200);
    expect(await activity(g)).toEqual([true, true, true]);
    expect((await f.api("PUT", `/api/v1/apps/${g.app.appId}`, { ...current.body, label: "Renamed" })).status).toBe(200);
    expect(await activity(g)).toEqual([false, false, false]);
    f.clock.advance(1000);
    expect(await activity(await tokens(g.app, g.user))).toEqual([true, true, true]);
  });

  it("user unassigned from the app: tokens die; an assignment through a group keeps them alive until the membership goes", async () => {
    const g = await grant();
    expect((await f.api("DELETE", `/api/v1/apps/${g.app.appId}/users/${g.user.id}`)).status).toBe(204);
    expect(await activity(g)).toEqual([false, false, false]);

    const h = await grant();
    const group = await f.api("POST", "/api/v1/groups", { profile: { name: `Readers ${counter}` } });
    expect(group.status).toBe(200);
    expect((await f.api("PUT", `/api/v1/groups/${group.body.id}/users/${h.user.id}`)).status).toBe(204);
    expect((await f.api("PUT", `/api/v1/apps/${h.app.appId}/groups/${group.body.id}`, {})).status).toBe(200);
    expect((await f.api("DELETE", `/api/v1/apps/${h.app.appId}/users/${h.user.id}`)).status).toBe(204);
    expect(await activity(h)).toEqual([true, true, true]);
    expect((await f.api("DELETE", `/api/v1/groups/${group.body.id}/users/${h.user.id}`)).status).toBe(204);
    expect(await activity(h)).toEqual([false, false, false]);
  });

  it("authorization server deactivated: 404 within a second (after the snapshot's check), on every token", async () => {
    const server = await f.api("POST", "/api/v1/authorizationServers", { name: `Doomed ${counter}`, audiences: ["api://doomed"] });
    expect(server.status).toBe(201);
    const g = await grant(server.body.id);
    expect(await activity(g, server.body.id)).toEqual([true, true, true]);
    expect((await f.api("POST", `/api/v1/authorizationServers/${server.body.id}/lifecycle/deactivate`)).status).toBe(204);
    f.clock.advance(1000);
    for (const token of [g.access, g.refresh, g.id]) {
      const res = await introspect(inspector, { token }, { authServerId: server.body.id });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: "not_found", error_description: "The authorization server was not found or is not active." });
    }
  });

  it("authorization server deleted: 404", async () => {
    const server = await f.api("POST", "/api/v1/authorizationServers", { name: `Deleted ${counter}`, audiences: ["api://deleted"] });
    const g = await grant(server.body.id);
    expect(await activity(g, server.body.id)).toEqual([true, true, true]);
    expect((await f.api("DELETE", `/api/v1/authorizationServers/${server.body.id}`)).status).toBe(204);
    f.clock.advance(1000);
    expect((await introspect(inspector, { token: g.access }, { authServerId: server.body.id })).status).toBe(404);
  });

  it("a key rotation: tokens signed before stay active, tokens signed with the new key are active at once", async () => {
    const g = await grant();
    const before = await f.api("GET", "/api/v1/authorizationServers/default/credentials/keys");
    const nextKid = before.body.find((key: { status: string }) => key.status === "NEXT").kid as string;
    // warm the key cache before the rotation
    expect(await activity(g)).toEqual([true, true, true]);

    const rotated = await f.api("POST", "/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate", { use: "sig" });
    expect(rotated.status).toBe(200);
    const after = await mintAccessToken(f, { client: g.app, user: g.user, scopes: ["openid"] });
    expect(kidOf(after.token)).toBe(nextKid);
    expect(kidOf(after.token)).not.toBe(kidOf(g.access));
    // the snapshot has not seen the rotation yet: the new ACTIVE key was published as NEXT before
    expect((await introspect(inspector, { token: after.token })).body.active).toBe(true);
    f.clock.advance(1000);
    expect(await activity(g)).toEqual([true, true, true]);
    expect((await introspect(inspector, { token: after.token })).body.active).toBe(true);
    // the old key stays published while its tokens live
    const jwks = await f.api("GET", "/oauth2/default/v1/keys");
    expect(jwks.body.keys.map((key: { kid: string }) => key.kid)).toContain(kidOf(g.access));
  });

  it("an EXPIRED key verifies only until its publishUntil", async () => {
    const server = await f.api("POST", "/api/v1/authorizationServers", { name: `Rotating ${counter}`, audiences: ["api://rotating"] });
    const g = await grant(server.body.id);
    expect((await f.api("POST", `/api/v1/authorizationServers/${server.body.id}/credentials/lifecycle/keyRotate`, { use: "sig" })).status).toBe(200);
    f.clock.advance(1000);
    const expired = await f.db.signingKey.findFirstOrThrow({ where: { authServerId: server.body.id, status: "EXPIRED" } });
    expect(expired.kid).toBe(kidOf(g.access));
    await f.db.signingKey.update({ where: { kid: expired.kid }, data: { publishUntil: new Date(f.clock.now.getTime() + 30_000) } });
    const signWith = await signingKeyByKid(expired.kid);
    const late = await mintAccessToken(f, { authServerId: server.body.id, client: g.app, user: g.user, scopes: ["openid"], signWith });
    expect(kidOf(late.token)).toBe(expired.kid);
    const check = async () => (await introspect(inspector, { token: late.token }, { authServerId: server.body.id })).body;
    expect((await check()).active).toBe(true);
    f.clock.advance(30_000);
    expect(await check()).toEqual(INACTIVE);
  });
});
