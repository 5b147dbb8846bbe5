import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUserAssignedToApp } from "@/lib/assignments/is-user-assigned-to-app";
import { hashToken } from "@/lib/crypto/hash-token";
import { randomToken } from "@/lib/crypto/random-token";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvent } from "../support/read-log-events";
import { insertRefreshToken } from "../support/insert-refresh-token";

describe.each(testProviders())("app assignments on %s", (provider) => {
  let f: AdminFixture;
  let everyoneId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    everyoneId = (await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN", nameLower: "everyone" } })).id;
  });
  afterAll(() => f.close());

  async function app(label = "Assigned App") {
    const res = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label,
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/cb"], grant_types: ["authorization_code", "refresh_token"] } },
    });
    expect(res.status).toBe(200);
    return res.body.id as string;
  }

  async function user(name: string) {
    const id = newId("user");
    const login = `${name}-${randomToken(4).toLowerCase()}@example.com`;
    const now = f.clock.now;
    await f.db.user.create({
      data: { id, status: "ACTIVE", login, loginLower: login.toLowerCase(), email: login, emailLower: login.toLowerCase(), profile: { login, email: login, firstName: name, lastName: "Tester" }, created: now, lastUpdated: now },
    });
    return { id, login };
  }

  async function group(name: string, memberIds: string[] = []) {
    const id = newId("group");
    const now = f.clock.now;
    const unique = `${name} ${randomToken(4)}`;
    await f.db.group.create({ data: { id, type: "OKTA_GROUP", name: unique, nameLower: unique.toLowerCase(), created: now, lastUpdated: now, lastMembershipUpdated: now } });
    for (const userId of memberIds) await f.db.groupMembership.create({ data: { groupId: id, userId, created: now } });
    return { id, name: unique };
  }

  /** A refresh token and a pending code for (app, user). */
  async function grant(appId: string, userId: string) {
    await insertRefreshToken(f.db, {
        id: newId("refreshToken"),
        tokenHash: hashToken(randomToken()),
        familyId: randomToken(8),
        authServerId: "default",
        clientId: appId,
        userId,
        scopes: ["openid"],
        status: "ACTIVE",
        decision: {},
        windowEndsAt: new Date(f.clock.now.getTime() + 86_400_000),
        created: f.clock.now,
      });
    await f.db.authorizationCode.create({
      data: { codeHash: hashToken(randomToken()), authServerId: "default", clientId: appId, userId, redirectUri: "https://app.example.com/cb", scopes: ["openid"], authTime: f.clock.now, decision: {}, expiresAt: new Date(f.clock.now.getTime() + 60_000) },
    });
  }

  const liveGrants = async (appId: string, userId: string) =>
    (await f.db.refreshToken.count({ where: { family: { clientId: appId, userId }, status: "ACTIVE" } })) + (await f.db.authorizationCode.count({ where: { clientId: appId, userId } }));

  describe("users", () => {
    it("assigns a user (200 AppUser) as okta-sdk-nodejs does, idempotently; a profile updates the assignment", async () => {
      const appId = await app();
      const alice = await user("alice");
      const at = f.clock.now.toISOString();
      const res = await f.api("POST", `/api/v1/apps/${appId}/users`, { id: alice.id, scope: "USER" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: alice.id,
        externalId: null,
        created: at,
        lastUpdated: at,
        scope: "USER",
        status: "ACTIVE",
        statusChanged: at,
        passwordChanged: null,
        syncState: "DISABLED",
        credentials: { userName: alice.login },
        profile: {},
        _links: { app: { href: `${ORG_URL}/api/v1/apps/${appId}` }, user: { href: `${ORG_URL}/api/v1/users/${alice.id}` } },
      });
      expect(await isUserAssignedToApp(f.db, appId, alice.id)).toBe(true);
      const event = await readLogEvent(f.db, { where: { eventType: "application.user_membership.add" } });
      expect(event.target).toEqual([
        { id: appId, type: "AppInstance", alternateId: "oidc_client", displayName: "Assigned App" },
        { id: alice.id, type: "User", alternateId: alice.login, displayName: "alice Tester" },
      ]);

      const events = await f.db.systemLogEvent.count();
      f.clock.advance(1000);
      const again = await f.api("POST", `/api/v1/apps/${appId}/users`, { id: alice.id, scope: "USER" });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
      expect(await f.db.systemLogEvent.count()).toBe(events);

      const withProfile = await f.api("POST", `/api/v1/apps/${appId}/users`, { id: alice.id, scope: "USER", profile: { role: "admin" } });
      expect(withProfile.body).toMatchObject({ profile: { role: "admin" }, created: at, lastUpdated: f.clock.now.toISOString() });
      expect(await f.db.systemLogEvent.count({ where: { eventType: "application.user_membership.update" } })).toBe(1);

      const updated = await f.api("POST", `/api/v1/apps/${appId}/users/${alice.id}`, { profile: { role: "viewer" } });
      expect(updated.status).toBe(200);
      expect(updated.body.profile).toEqual({ role: "viewer" });
      const got = await f.api("GET", `/api/v1/apps/${appId}/users/${alice.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(updated.body);
    });

    it.each<[string, (ids: { appId: string; userId: string }) => [string, unknown], number, Record<string, unknown>]>([
      ["an unknown user", ({ appId }) => [`/api/v1/apps/${appId}/users`, { id: "00uNoSuchUser0000000", scope: "USER" }], 404, { errorCode: "E0000007", errorSummary: "Not found: Resource not found: 00uNoSuchUser0000000 (User)" }],
      ["an unknown app", ({ userId }) => ["/api/v1/apps/0oaNoSuchApp00000000/users", { id: userId, scope: "USER" }], 404, { errorCode: "E0000007", errorSummary: "Not found: Resource not found: 0oaNoSuchApp00000000 (AppInstance)" }],
      ["no user id", ({ appId }) => [`/api/v1/apps/${appId}/users`, { scope: "USER" }], 400, { errorCode: "E0000001", errorSummary: "Api validation failed: id" }],
      ["scope GROUP", ({ appId, userId }) => [`/api/v1/apps/${appId}/users`, { id: userId, scope: "GROUP" }], 400, { errorCode: "E0000001", errorSummary: "Api validation failed: scope" }],
      ["a profile that is not an object", ({ appId, userId }) => [`/api/v1/apps/${appId}/users`, { id: userId, profile: "x" }], 400, { errorCode: "E0000001", errorSummary: "Api validation failed: profile" }],
    ])("refuses %s and assigns nothing", async (_, request, status, error) => {
      const appId = await app();
      const { id: userId } = await user("refused");
      const [path, body] = request({ appId, userId });
      const before = await f.db.appUserAssignment.count();
      const res = await f.api("POST", path, body);
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject(error);
      expect(await f.db.appUserAssignment.count()).toBe(before);
    });

    it("404s reads, updates and deletes of users who are not assigned", async () => {
      const appId = await app();
      const bob = await user("bob");
      for (const [method, body] of [["GET", undefined], ["POST", { profile: {} }], ["DELETE", undefined]] as const) {
        const res = await f.api(method, `/api/v1/apps/${appId}/users/${bob.id}`, body);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${bob.id} (AppUser)` });
      }
    });

    it("unassigns (204) and revokes that user's refresh tokens and codes for the app only", async () => {
      const appId = await app();
      const otherApp = await app("Other App");
      const carol = await user("carol");
      const dave = await user("dave");
      for (const u of [carol, dave]) await f.api("POST", `/api/v1/apps/${appId}/users`, { id: u.id, scope: "USER" });
      await f.api("POST", `/api/v1/apps/${otherApp}/users`, { id: carol.id, scope: "USER" });
      await grant(appId, carol.id);
      await grant(appId, dave.id);
      await grant(otherApp, carol.id);

      const res = await f.api("DELETE", `/api/v1/apps/${appId}/users/${carol.id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(await isUserAssignedToApp(f.db, appId, carol.id)).toBe(false);
      expect(await liveGrants(appId, carol.id)).toBe(0);
      expect(await f.db.refreshToken.findFirstOrThrow({ where: { family: { clientId: appId, userId: carol.id } } })).toMatchObject({ status: "REVOKED", revoked: f.clock.now });
      expect(await liveGrants(appId, dave.id)).toBe(2);
      expect(await liveGrants(otherApp, carol.id)).toBe(2);
      expect(await f.db.systemLogEvent.count({ where: { eventType: "application.user_membership.remove" } })).toBe(1);
      expect((await f.api("DELETE", `/api/v1/apps/${appId}/users/${carol.id}`)).status).toBe(404);
    });

    it("keeps the tokens of a user who stays assigned through a group; refuses to unassign a group-only user", async () => {
      const appId = await app();
      const erin = await user("erin");
      const frank = await user("frank");
      const team = await group("Team", [erin.id, frank.id]);
      await f.api("PUT", `/api/v1/apps/${appId}/groups/${team.id}`);
      await f.api("POST", `/api/v1/apps/${appId}/users`, { id: erin.id, scope: "USER" });
      await grant(appId, erin.id);
      expect((await f.api("DELETE", `/api/v1/apps/${appId}/users/${erin.id}`)).status).toBe(204);
      expect(await isUserAssignedToApp(f.db, appId, erin.id)).toBe(true);
      expect(await liveGrants(appId, erin.id)).toBe(2);

      const groupOnly = await f.api("DELETE", `/api/v1/apps/${appId}/users/${frank.id}`);
      expect(groupOnly.status).toBe(400);
      expect(groupOnly.body.errorCauses).toEqual([{ errorSummary: "The user is assigned to this application through a group; remove the group assignment or the group membership instead." }]);
      const viaGroup = await f.api("GET", `/api/v1/apps/${appId}/users/${frank.id}`);
      expect(viaGroup.status).toBe(200);
      expect(viaGroup.body).toMatchObject({ id: frank.id, scope: "GROUP", status: "ACTIVE", credentials: { userName: frank.login } });
    });

    it("lists direct (USER) and group (GROUP) assignees by id with pagination; Everyone lists every user", async () => {
      const appId = await app();
      const direct = await user("direct");
      const member = await user("member");
      const outsider = await user("outsider");
      const team = await group("Listed", [member.id]);
      await f.api("POST", `/api/v1/apps/${appId}/users`, { id: direct.id, scope: "USER" });
      await f.api("PUT", `/api/v1/apps/${appId}/groups/${team.id}`);
      const seen: Array<[string, string]> = [];
      let path: string | null = `/api/v1/apps/${appId}/users?limit=1`;
      while (path) {
        const res = await f.api("GET", path);
        expect(res.status).toBe(200);
        expect(res.body.length).toBeLessThanOrEqual(1);
        seen.push(...res.body.map((u: { id: string; scope: string }) => [u.id, u.scope] as [string, string]));
        const next = /<([^>]+)>; rel="next"/.exec(res.headers.get("link") ?? "")?.[1];
        path = next ? next.slice(ORG_URL.length) : null;
      }
      expect(seen).toEqual(
        [
          [direct.id, "USER"],
          [member.id, "GROUP"],
        ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
      );
      const byLogin = await f.api("GET", `/api/v1/apps/${appId}/users?q=${encodeURIComponent(member.login.slice(0, 8).toUpperCase())}`);
      expect(byLogin.body.map((u: { id: string }) => u.id)).toEqual([member.id]);

      await f.api("PUT", `/api/v1/apps/${appId}/groups/${everyoneId}`);
      const everyone = await f.api("GET", `/api/v1/apps/${appId}/users?limit=500`);
      const ids = everyone.body.map((u: { id: string }) => u.id);
      expect(ids).toEqual((await f.db.user.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((u) => u.id));
      expect(ids).toContain(outsider.id);
      expect(everyone.body.find((u: { id: string }) => u.id === direct.id).scope).toBe("USER");
      expect(everyone.body.find((u: { id: string }) => u.id === outsider.id).scope).toBe("GROUP");
    });
  });

  describe("groups", () => {
    it("assigns groups (200 ApplicationGroupAssignment) with priorities in order; updates priority and profile", async () => {
      const appId = await app();
      const first = await group("First");
      const second = await group("Second");
      const at = f.clock.now.toISOString();
      const res = await f.api("PUT", `/api/v1/apps/${appId}/groups/${first.id}`, {});
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: first.id,
        lastUpdated: at,
        priority: 0,
        profile: {},
        _links: {
          app: { href: `${ORG_URL}/api/v1/apps/${appId}` },
          self: { href: `${ORG_URL}/api/v1/apps/${appId}/groups/${first.id}` },
          group: { href: `${ORG_URL}/api/v1/groups/${first.id}` },
        },
      });
      const event = await readLogEvent(f.db, { where: { eventType: "group.application_assignment.add" }, orderBy: { published: "desc" } });
      expect(event.target).toEqual([
        { id: appId, type: "AppInstance", alternateId: "oidc_client", displayName: "Assigned App" },
        { id: first.id, type: "UserGroup", displayName: first.name },
      ]);
      const noBody = await f.api("PUT", `/api/v1/apps/${appId}/groups/${second.id}`);
      expect(noBody.body.priority).toBe(1);

      f.clock.advance(1000);
      const updated = await f.api("PUT", `/api/v1/apps/${appId}/groups/${first.id}`, { priority: 5, profile: { tier: "gold" } });
      expect(updated.body).toMatchObject({ id: first.id, priority: 5, profile: { tier: "gold" }, lastUpdated: f.clock.now.toISOString() });
      expect(await f.db.systemLogEvent.count({ where: { eventType: "group.application_assignment.update" } })).toBe(1);
      const same = await f.api("PUT", `/api/v1/apps/${appId}/groups/${first.id}`, {});
      expect(same.body).toEqual(updated.body);
      expect(await f.db.systemLogEvent.count({ where: { eventType: "group.application_assignment.update" } })).toBe(1);

      expect((await f.api("GET", `/api/v1/apps/${appId}/groups/${first.id}`)).body).toEqual(updated.body);
      const listed = await f.api("GET", `/api/v1/apps/${appId}/groups?limit=1`);
      expect(listed.body).toHaveLength(1);
      expect(listed.headers.get("link")).toContain('rel="next"');
      const all = await f.api("GET", `/api/v1/apps/${appId}/groups`);
      expect(all.body.map((g: { id: string }) => g.id)).toEqual([first.id, second.id].sort());
      const byName = await f.api("GET", `/api/v1/apps/${appId}/groups?q=${encodeURIComponent(second.name.slice(0, 6).toUpperCase())}`);
      expect(byName.body.map((g: { id: string }) => g.id)).toEqual([second.id]);
    });

    it.each<[string, unknown, string]>([
      ["a negative priority", { priority: -1 }, "priority: priority must be a whole number from 0 to 100000."],
      ["a fractional priority", { priority: 1.5 }, "priority: priority must be a whole number from 0 to 100000."],
      ["a profile that is not an object", { profile: [] }, "profile: Must be a JSON object."],
    ])("refuses %s", async (_, body, cause) => {
      const appId = await app();
      const g = await group("Refused");
      const res = await f.api("PUT", `/api/v1/apps/${appId}/groups/${g.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.errorCauses).toEqual([{ errorSummary: cause }]);
      expect(await f.db.appGroupAssignment.count({ where: { appId } })).toBe(0);
    });

    it("404s unknown groups and groups that are not assigned", async () => {
      const appId = await app();
      const unknown = await f.api("PUT", `/api/v1/apps/${appId}/groups/00gNoSuchGroup000000`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 00gNoSuchGroup000000 (UserGroup)" });
      const g = await group("Unassigned");
      for (const method of ["GET", "DELETE"]) {
        const res = await f.api(method, `/api/v1/apps/${appId}/groups/${g.id}`);
        expect(res.status).toBe(404);
        expect(res.body.errorSummary).toBe(`Not found: Resource not found: ${g.id} (ApplicationGroupAssignment)`);
      }
      expect((await f.api("GET", "/api/v1/apps/0oaNoSuchApp00000000/groups")).status).toBe(404);
    });

    it("unassigns a group (204), revoking the tokens of members who lose access and only theirs", async () => {
      const appId = await app();
      const gina = await user("gina");
      const hank = await user("hank");
      const ivan = await user("ivan");
      const team = await group("Leaving", [gina.id, hank.id]);
      await f.api("PUT", `/api/v1/apps/${appId}/groups/${team.id}`);
      await f.api("POST", `/api/v1/apps/${appId}/users`, { id: hank.id, scope: "USER" });
      await f.api("POST", `/api/v1/apps/${appId}/users`, { id: ivan.id, scope: "USER" });
      for (const u of [gina, hank, ivan]) await grant(appId, u.id);
      const res = await f.api("DELETE", `/api/v1/apps/${appId}/groups/${team.id}`);
      expect(res.status).toBe(204);
      expect(await liveGrants(appId, gina.id)).toBe(0);
      expect(await liveGrants(appId, hank.id)).toBe(2);
      expect(await liveGrants(appId, ivan.id)).toBe(2);
      expect(await isUserAssignedToApp(f.db, appId, gina.id)).toBe(false);
      expect(await f.db.systemLogEvent.count({ where: { eventType: "group.application_assignment.remove" } })).toBe(1);
    });

    it("assigning Everyone opens the app to every user; removing it revokes everyone not assigned otherwise", async () => {
      const appId = await app();
      const jane = await user("jane");
      const kim = await user("kim");
      expect(await isUserAssignedToApp(f.db, appId, jane.id)).toBe(false);
      expect((await f.api("PUT", `/api/v1/apps/${appId}/groups/${everyoneId}`)).status).toBe(200);
      expect(await isUserAssignedToApp(f.db, appId, jane.id)).toBe(true);
      const late = await user("late");
      expect(await isUserAssignedToApp(f.db, appId, late.id)).toBe(true);
      await f.api("POST", `/api/v1/apps/${appId}/users`, { id: kim.id, scope: "USER" });
      await grant(appId, jane.id);
      await grant(appId, kim.id);
      expect((await f.api("DELETE", `/api/v1/apps/${appId}/groups/${everyoneId}`)).status).toBe(204);
      expect(await liveGrants(appId, jane.id)).toBe(0);
      expect(await liveGrants(appId, kim.id)).toBe(2);
    });
  });

  describe("isUserAssignedToApp", () => {
    it.each<[string, "direct" | "group" | "everyone" | "other-group" | "other-app" | "none" | "direct-removed", boolean]>([
      ["a direct assignment", "direct", true],
      ["membership of an assigned group", "group", true],
      ["the Everyone group assigned", "everyone", true],
      ["membership of a group assigned to nothing", "other-group", false],
      ["an assignment to another app", "other-app", false],
      ["no assignment", "none", false],
      ["a removed direct assignment", "direct-removed", false],
    ])("answers for %s: %s", async (_, how, expected) => {
      const appId = await app();
      const otherApp = await app("Elsewhere");
      const u = await user(`assigned-${how}`);
      if (how === "direct" || how === "direct-removed") await f.api("POST", `/api/v1/apps/${appId}/users`, { id: u.id, scope: "USER" });
      if (how === "direct-removed") await f.api("DELETE", `/api/v1/apps/${appId}/users/${u.id}`);
      if (how === "group") await f.api("PUT", `/api/v1/apps/${appId}/groups/${(await group("Member", [u.id])).id}`);
      if (how === "everyone") await f.api("PUT", `/api/v1/apps/${appId}/groups/${everyoneId}`);
      if (how === "other-group") {
        await group("Unused", [u.id]);
        await f.api("PUT", `/api/v1/apps/${appId}/groups/${(await group("Empty")).id}`);
      }
      if (how === "other-app") {
        await f.api("POST", `/api/v1/apps/${otherApp}/users`, { id: u.id, scope: "USER" });
        await f.api("PUT", `/api/v1/apps/${otherApp}/groups/${everyoneId}`);
      }
      expect(await isUserAssignedToApp(f.db, appId, u.id)).toBe(expected);
    });
  });
});
