import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { countLogEvents, readLogEvent, readLogEvents } from "../support/read-log-events";

const T0 = "2026-01-15T10:00:00.000Z";

describe.each(testProviders())("groups API on %s", (provider) => {
  let f: AdminFixture;
  let everyoneId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    everyoneId = (await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } })).id;
  });
  afterAll(() => f.close());

  const create = (name: string, description?: string) => f.api("POST", "/api/v1/groups", { profile: { name, ...(description === undefined ? {} : { description }) } });
  const groupId = async (name: string, description?: string) => {
    const res = await create(name, description);
    expect(res.status).toBe(200);
    return res.body.id as string;
  };
  let userCount = 0;
  /** Users belong to another engineer's API: made directly in the database here. */
  async function createUser(login = `user${++userCount}@example.com`) {
    const now = f.clock.now;
    return f.db.user.create({
      data: {
        id: newId("user"),
        status: "ACTIVE",
        login,
        loginLower: login.toLowerCase(),
        email: login,
        emailLower: login.toLowerCase(),
        profile: { login, email: login, firstName: "Test", lastName: `User ${userCount}` },
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        passwordChanged: now,
        created: now,
        lastUpdated: now,
        activated: now,
        statusChanged: now,
      },
    });
  }
  const linkFor = (id: string) => ({ logo: [], users: { href: `${ORG_URL}/api/v1/groups/${id}/users` }, apps: { href: `${ORG_URL}/api/v1/groups/${id}/apps` } });
  /** GET every page of `path`, following absolute Link rel="next" URLs; returns the ids in order and the page count. */
  async function walk(path: string) {
    const ids: string[] = [];
    let next: string | null = path;
    let pages = 0;
    while (next) {
      const res = await f.api("GET", next);
      expect(res.status).toBe(200);
      pages++;
      ids.push(...(res.body as Array<{ id: string }>).map((item) => item.id));
      const link = res.headers.get("link")!;
      expect(link).toContain(`<${ORG_URL}${next}>; rel="self"`);
      const url = /<([^>]+)>; rel="next"/.exec(link)?.[1];
      if (url) expect(url.startsWith(`${ORG_URL}/api/v1/`)).toBe(true);
      next = url ? url.slice(ORG_URL.length) : null;
    }
    return { ids, pages };
  }

  describe("create, get, replace, delete", () => {
    it("creates an OKTA_GROUP (200) with Okta's Group object and logs group.lifecycle.create", async () => {
      const res = await create("Engineering", "All engineers");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      const id = res.body.id as string;
      expect(id).toMatch(/^00g[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        id,
        created: T0,
        lastUpdated: T0,
        lastMembershipUpdated: T0,
        objectClass: ["okta:user_group"],
        type: "OKTA_GROUP",
        profile: { name: "Engineering", description: "All engineers" },
        _links: linkFor(id),
      });
      expect(await f.db.group.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Engineering", nameLower: "engineering", type: "OKTA_GROUP" });
      const event = await readLogEvent(f.db, { where: { eventType: "group.lifecycle.create" } });
      expect(event).toMatchObject({ outcomeResult: "SUCCESS", published: new Date(T0) });
      expect(event.target).toEqual([{ id, type: "UserGroup", displayName: "Engineering" }]);
    });

    it("creates a group without a description (null)", async () => {
      const res = await create("No description");
      expect(res.status).toBe(200);
      expect(res.body.profile).toEqual({ name: "No description", description: null });
    });

    it.each([
      [{}, "profile", "profile: profile: The field cannot be left blank; give {name, description}."],
      [{ profile: "x" }, "profile", "profile: profile: The field cannot be left blank; give {name, description}."],
      [{ profile: {} }, "name", "name: The field cannot be left blank."],
      [{ profile: { name: "   " } }, "name", "name: The field cannot be left blank."],
      [{ profile: { name: 42 } }, "name", "name: The field cannot be left blank."],
      [{ profile: { name: "x".repeat(256) } }, "name", "name: A group name is at most 255 characters."],
      [{ profile: { name: "Ok", description: 7 } }, "description", "description: Must be a string."],
      [{ profile: { name: "Ok", description: "d".repeat(1025) } }, "description", "description: A description is at most 1024 characters."],
    ])("refuses %j with E0000001 on %s and creates nothing", async (body, field, cause) => {
      const before = await f.db.group.count();
      const res = await f.api("POST", "/api/v1/groups", body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorLink: "E0000001", errorCauses: [{ errorSummary: cause }] });
      expect(res.body.errorId).toMatch(/^oae[0-9A-Za-z]{22}$/);
      expect(await f.db.group.count()).toBe(before);
    });

    it("refuses a body that is not JSON (400 E0000003) and a wrong content type (415)", async () => {
      const notJson = await f.api("POST", "/api/v1/groups", undefined, { rawBody: "{profile:", headers: { "Content-Type": "application/json" } });
      expect(notJson.status).toBe(400);
      expect(notJson.body.errorCode).toBe("E0000003");
      const text = await f.api("POST", "/api/v1/groups", undefined, { rawBody: "name=x", headers: { "Content-Type": "text/plain" } });
      expect(text.status).toBe(415);
    });

    it("refuses a name already taken, ignoring case, with E0000001 on name (Everyone included)", async () => {
      await groupId("Unique Name");
      const before = await f.db.group.count();
      for (const name of ["Unique Name", "UNIQUE name", "everyone"]) {
        const res = await create(name);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: name" });
        expect(res.body.errorCauses).toEqual([
          { errorSummary: `name: An object with this field already exists in the current organization (a group named '${name}', ignoring case).` },
        ]);
      }
      expect(await f.db.group.count()).toBe(before);
    });

    it("gets a group, and 404s an unknown one with E0000007 (UserGroup)", async () => {
      const id = await groupId("To get", "Getting");
      const res = await f.api("GET", `/api/v1/groups/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        created: T0,
        lastUpdated: T0,
        lastMembershipUpdated: T0,
        objectClass: ["okta:user_group"],
        type: "OKTA_GROUP",
        profile: { name: "To get", description: "Getting" },
        _links: linkFor(id),
      });
      const missing = await f.api("GET", "/api/v1/groups/00gNoSuchGroup000000");
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 00gNoSuchGroup000000 (UserGroup)", errorCauses: [] });
    });

    it("gets the BUILT_IN group Everyone", async () => {
      const row = await f.db.group.findUniqueOrThrow({ where: { id: everyoneId } });
      const res = await f.api("GET", `/api/v1/groups/${everyoneId}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: everyoneId,
        created: T0,
        lastUpdated: T0,
        // the bootstrap leaves it to the column default (the wall clock)
        lastMembershipUpdated: row.lastMembershipUpdated.toISOString(),
        objectClass: ["okta:user_group"],
        type: "BUILT_IN",
        profile: { name: "Everyone", description: "All users in your organization" },
        _links: linkFor(everyoneId),
      });
    });

    it("replaces the profile (PUT, 200): a new lastUpdated, an omitted description cleared, group.profile.update logged", async () => {
      const id = await groupId("Before", "Old description");
      f.clock.advance(60_000);
      const res = await f.api("PUT", `/api/v1/groups/${id}`, { profile: { name: "After" }, id: "ignored", type: "BUILT_IN" });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        created: T0,
        lastUpdated: "2026-01-15T10:01:00.000Z",
        lastMembershipUpdated: T0,
        objectClass: ["okta:user_group"],
        type: "OKTA_GROUP",
        profile: { name: "After", description: null },
        _links: linkFor(id),
      });
      expect(await f.db.group.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "After", nameLower: "after", description: null, type: "OKTA_GROUP" });
      const event = await readLogEvent(f.db, { where: { eventType: "group.profile.update" } });
      expect(event.target).toEqual([{ id, type: "UserGroup", displayName: "After" }]);
      // changing only the case of its own name is allowed
      const recased = await f.api("PUT", `/api/v1/groups/${id}`, { profile: { name: "AFTER", description: "d" } });
      expect(recased.status).toBe(200);
      expect(recased.body.profile).toEqual({ name: "AFTER", description: "d" });
    });

    it("refuses a replace that is invalid or takes another group's name, changing nothing; 404s an unknown group", async () => {
      await groupId("Taken");
      const id = await groupId("Mine", "kept");
      const row = await f.db.group.findUniqueOrThrow({ where: { id } });
      const clash = await f.api("PUT", `/api/v1/groups/${id}`, { profile: { name: "taken" } });
      expect(clash.status).toBe(400);
      expect(clash.body.errorSummary).toBe("Api validation failed: name");
      const blank = await f.api("PUT", `/api/v1/groups/${id}`, { profile: { name: "" } });
      expect(blank.status).toBe(400);
      expect(blank.body.errorCauses).toEqual([{ errorSummary: "name: The field cannot be left blank." }]);
      expect(await f.db.group.findUniqueOrThrow({ where: { id } })).toEqual(row);
      const missing = await f.api("PUT", "/api/v1/groups/00gNoSuchGroup000000", { profile: { name: "x" } });
      expect(missing.status).toBe(404);
      expect(missing.body.errorSummary).toBe("Not found: Resource not found: 00gNoSuchGroup000000 (UserGroup)");
    });

    it("deletes a group (bare 204) with its memberships and app assignments; a second delete is 404", async () => {
      const id = await groupId("Doomed");
      const user = await createUser();
      expect((await f.api("PUT", `/api/v1/groups/${id}/users/${user.id}`)).status).toBe(204);
      const appId = newId("app");
      await f.db.app.create({
        data: {
          id: appId,
          name: "oidc_client",
          label: "Doomed app",
          status: "ACTIVE",
          signOnMode: "OPENID_CONNECT",
          clientId: appId,
          applicationType: "web",
          tokenEndpointAuthMethod: "client_secret_basic",
          oauthSettings: {},
          extra: {},
          groupAssignments: { create: { groupId: id, profile: {} } },
        },
      });
      const res = await f.api("DELETE", `/api/v1/groups/${id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      expect(await f.db.group.count({ where: { id } })).toBe(0);
      expect(await f.db.groupMembership.count({ where: { groupId: id } })).toBe(0);
      expect(await f.db.appGroupAssignment.count({ where: { groupId: id } })).toBe(0);
      expect(await f.db.user.count({ where: { id: user.id } })).toBe(1);
      const event = await readLogEvent(f.db, { where: { eventType: "group.lifecycle.delete" } });
      expect(event.target).toEqual([{ id, type: "UserGroup", displayName: "Doomed" }]);
      const again = await f.api("DELETE", `/api/v1/groups/${id}`);
      expect(again.status).toBe(404);
      expect(again.body.errorCode).toBe("E0000007");
    });

    it("answers 405 E0000022 for methods a path does not support", async () => {
      const res = await f.api("PATCH", "/api/v1/groups", { profile: { name: "x" } });
      expect(res.status).toBe(405);
      expect(res.body.errorCode).toBe("E0000022");
      expect(res.headers.get("allow")).toBe("GET, POST");
    });

    it("refuses requests without a valid API token (401 E0000011)", async () => {
      const res = await f.api("GET", "/api/v1/groups", undefined, { token: null });
      expect(res.status).toBe(401);
      expect(res.body.errorCode).toBe("E0000011");
      const create401 = await f.api("POST", "/api/v1/groups", { profile: { name: "Sneaky" } }, { token: "00notARealTokenAtAll0000000000" });
      expect(create401.status).toBe(401);
      expect(await f.db.group.count({ where: { nameLower: "sneaky" } })).toBe(0);
    });
  });

  describe("the BUILT_IN group Everyone", () => {
    const unsupported = (action: string) => ({
      errorCode: "E0000060",
      errorSummary: "Unsupported operation.",
      errorLink: "E0000060",
      errorCauses: [{ errorSummary: `The BUILT_IN group Everyone cannot ${action}: it contains every user implicitly and is managed by the server.` }],
    });

    it("cannot be replaced or deleted (400 E0000060), and stays as it was", async () => {
      const row = await f.db.group.findUniqueOrThrow({ where: { id: everyoneId } });
      const put = await f.api("PUT", `/api/v1/groups/${everyoneId}`, { profile: { name: "Everybody" } });
      expect(put.status).toBe(400);
      expect(put.body).toMatchObject(unsupported("be updated"));
      const del = await f.api("DELETE", `/api/v1/groups/${everyoneId}`);
      expect(del.status).toBe(400);
      expect(del.body).toMatchObject(unsupported("be deleted"));
      expect(await f.db.group.findUniqueOrThrow({ where: { id: everyoneId } })).toEqual(row);
    });

    it("cannot be given or stripped of members (400 E0000060); no membership rows are written", async () => {
      const row = await f.db.group.findUniqueOrThrow({ where: { id: everyoneId } });
      const user = await createUser();
      const add = await f.api("PUT", `/api/v1/groups/${everyoneId}/users/${user.id}`);
      expect(add.status).toBe(400);
      expect(add.body).toMatchObject(unsupported("be given members"));
      const remove = await f.api("DELETE", `/api/v1/groups/${everyoneId}/users/${user.id}`);
      expect(remove.status).toBe(400);
      expect(remove.body).toMatchObject(unsupported("lose members"));
      expect(await f.db.groupMembership.count({ where: { groupId: everyoneId } })).toBe(0);
      expect(await f.db.group.findUniqueOrThrow({ where: { id: everyoneId } })).toEqual(row);
    });

    it("lists every user as a member, each as an Okta User object without secrets", async () => {
      const user = await createUser("everyone.member@example.com");
      const res = await f.api("GET", `/api/v1/groups/${everyoneId}/users`);
      expect(res.status).toBe(200);
      const all = await f.db.user.findMany({ orderBy: { id: "asc" }, select: { id: true } });
      expect(res.body.map((u: { id: string }) => u.id)).toEqual(all.map((u) => u.id));
      expect(res.body.find((u: { id: string }) => u.id === user.id)).toEqual({
        id: user.id,
        status: "ACTIVE",
        created: user.created.toISOString(),
        activated: user.activated!.toISOString(),
        statusChanged: user.statusChanged!.toISOString(),
        lastLogin: null,
        lastUpdated: user.lastUpdated.toISOString(),
        passwordChanged: user.passwordChanged!.toISOString(),
        type: { id: "oty00000000000000000" },
        profile: { login: "everyone.member@example.com", email: "everyone.member@example.com", firstName: "Test", lastName: `User ${userCount}` },
        credentials: { password: {}, provider: { type: "OKTA", name: "OKTA" } },
        _links: { self: { href: `${ORG_URL}/api/v1/users/${user.id}` } },
      });
      expect(res.text).not.toContain("argon2");
      expect(res.text).not.toContain("passwordHash");
      // a user without a password has no credentials.password
      await f.db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
      const again = await f.api("GET", `/api/v1/groups/${everyoneId}/users`);
      expect(again.body.find((u: { id: string }) => u.id === user.id).credentials).toEqual({ provider: { type: "OKTA", name: "OKTA" } });
    });
  });

  describe("members", () => {
    it("adds a member (bare 204), idempotently; lastMembershipUpdated moves once, lastUpdated stays", async () => {
      const id = await groupId("Members");
      const user = await createUser("member.one@example.com");
      f.clock.advance(1_000);
      const added = f.clock.now.toISOString();
      const res = await f.api("PUT", `/api/v1/groups/${id}/users/${user.id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(res.headers.get("content-type")).toBeNull();
      expect(await f.db.groupMembership.findUnique({ where: { groupId_userId: { groupId: id, userId: user.id } } })).toMatchObject({ created: new Date(added) });
      const group = await f.api("GET", `/api/v1/groups/${id}`);
      expect(group.body).toMatchObject({ lastMembershipUpdated: added, lastUpdated: group.body.created });
      const events = await readLogEvents(f.db, { where: { eventType: "group.user_membership.add", published: new Date(added) } });
      expect(events).toHaveLength(1);
      expect(events[0]!.target).toEqual([
        { id: user.id, type: "User", alternateId: "member.one@example.com", displayName: `Test User ${userCount}` },
        { id, type: "UserGroup", displayName: "Members" },
      ]);

      f.clock.advance(1_000);
      const again = await f.api("PUT", `/api/v1/groups/${id}/users/${user.id}`);
      expect(again.status).toBe(204);
      expect(await f.db.groupMembership.count({ where: { groupId: id } })).toBe(1);
      expect((await f.api("GET", `/api/v1/groups/${id}`)).body.lastMembershipUpdated).toBe(added);
      expect(await countLogEvents(f.db, { eventType: "group.user_membership.add", published: { gt: new Date(added) } })).toBe(0);

      const members = await f.api("GET", `/api/v1/groups/${id}/users`);
      expect(members.status).toBe(200);
      expect(members.body.map((u: { id: string }) => u.id)).toEqual([user.id]);
      expect(members.body[0]).toMatchObject({ id: user.id, status: "ACTIVE", profile: { login: "member.one@example.com" }, type: { id: "oty00000000000000000" } });
    });

    it("removes a member (bare 204), idempotently, and logs group.user_membership.remove once", async () => {
      const id = await groupId("Leavers");
      const user = await createUser();
      const stays = await createUser();
      await f.api("PUT", `/api/v1/groups/${id}/users/${user.id}`);
      await f.api("PUT", `/api/v1/groups/${id}/users/${stays.id}`);
      f.clock.advance(5_000);
      const removedAt = f.clock.now.toISOString();
      const res = await f.api("DELETE", `/api/v1/groups/${id}/users/${user.id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect(await f.db.groupMembership.findMany({ where: { groupId: id }, select: { userId: true } })).toEqual([{ userId: stays.id }]);
      expect((await f.api("GET", `/api/v1/groups/${id}`)).body.lastMembershipUpdated).toBe(removedAt);
      expect(await countLogEvents(f.db, { eventType: "group.user_membership.remove", published: new Date(removedAt) })).toBe(1);

      f.clock.advance(5_000);
      const again = await f.api("DELETE", `/api/v1/groups/${id}/users/${user.id}`);
      expect(again.status).toBe(204);
      expect((await f.api("GET", `/api/v1/groups/${id}`)).body.lastMembershipUpdated).toBe(removedAt);
      expect(await countLogEvents(f.db, { eventType: "group.user_membership.remove", published: { gt: new Date(removedAt) } })).toBe(0);
      expect((await f.api("GET", `/api/v1/groups/${id}/users`)).body.map((u: { id: string }) => u.id)).toEqual([stays.id]);
    });

    it("404s unknown groups (UserGroup) and users (User) with E0000007 and changes nothing", async () => {
      const id = await groupId("Strict");
      const user = await createUser();
      const cases = [
        ["PUT", `/api/v1/groups/00gNoSuchGroup000000/users/${user.id}`, "00gNoSuchGroup000000 (UserGroup)"],
        ["DELETE", `/api/v1/groups/00gNoSuchGroup000000/users/${user.id}`, "00gNoSuchGroup000000 (UserGroup)"],
        ["GET", "/api/v1/groups/00gNoSuchGroup000000/users", "00gNoSuchGroup000000 (UserGroup)"],
        ["PUT", `/api/v1/groups/${id}/users/00uNoSuchUser0000000`, "00uNoSuchUser0000000 (User)"],
        ["DELETE", `/api/v1/groups/${id}/users/00uNoSuchUser0000000`, "00uNoSuchUser0000000 (User)"],
      ] as const;
      for (const [method, path, what] of cases) {
        const res = await f.api(method, path);
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${what}` });
      }
      expect(await f.db.groupMembership.count({ where: { groupId: id } })).toBe(0);
      expect((await f.db.group.findUniqueOrThrow({ where: { id } })).lastMembershipUpdated).toEqual(f.clock.now);
    });

    it("pages through members with limit and Link rel=next to the end", async () => {
      const id = await groupId("Paged members");
      const users = [];
      for (let i = 0; i < 5; i++) users.push(await createUser());
      for (const user of users) await f.api("PUT", `/api/v1/groups/${id}/users/${user.id}`);
      const { ids, pages } = await walk(`/api/v1/groups/${id}/users?limit=2`);
      expect(pages).toBe(3);
      expect(ids).toEqual(users.map((u) => u.id).sort());
    });

    it("pages through Everyone's members too", async () => {
      const all = (await f.db.user.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((u) => u.id);
      const { ids, pages } = await walk(`/api/v1/groups/${everyoneId}/users?limit=3`);
      expect(ids).toEqual(all);
      expect(pages).toBe(Math.floor(all.length / 3) + 1);
    });
  });

  describe("list, search and filter", () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      ids = {};
      for (const name of ["Sales", "Sales Engineering", "Support 100%", "Support_Tier"]) ids[name] = await groupId(name);
    });

    const names = async (query: string) => {
      const res = await f.api("GET", `/api/v1/groups${query}`);
      expect(res.status).toBe(200);
      return (res.body as Array<{ profile: { name: string } }>).map((g) => g.profile.name);
    };

    it("lists every group, Everyone included, ordered by id, with a self Link", async () => {
      const res = await f.api("GET", "/api/v1/groups");
      expect(res.status).toBe(200);
      const all = await f.db.group.findMany({ orderBy: { id: "asc" }, select: { id: true } });
      expect(res.body.map((g: { id: string }) => g.id)).toEqual(all.map((g) => g.id));
      expect(res.body.find((g: { id: string }) => g.id === everyoneId)).toMatchObject({ type: "BUILT_IN", profile: { name: "Everyone" } });
      expect(res.headers.get("link")).toBe(`<${ORG_URL}/api/v1/groups>; rel="self"`);
    });

    it("q matches the start of the name, ignoring case, with no wildcards", async () => {
      expect((await names("?q=sales")).sort()).toEqual(["Sales", "Sales Engineering"]);
      expect(await names("?q=SALES%20E")).toEqual(["Sales Engineering"]);
      expect(await names("?q=engineering")).not.toContain("Sales Engineering");
      expect(await names("?q=Support%20100%25")).toEqual(["Support 100%"]);
      expect(await names("?q=Support_")).toEqual(["Support_Tier"]);
      expect(await names("?q=Support%25")).toEqual([]);
      expect(await names("?q=every")).toEqual(["Everyone"]);
    });

    it("search and filter: type, profile.name (ignoring case), id, times, and/or, parentheses", async () => {
      expect(await names('?search=type eq "BUILT_IN"')).toEqual(["Everyone"]);
      expect(await names('?filter=type eq "OKTA_GROUP"')).not.toContain("Everyone");
      expect((await names('?filter=type eq "OKTA_GROUP"')).length).toBe(await f.db.group.count({ where: { type: "OKTA_GROUP" } }));
      expect(await names('?search=profile.name eq "sales engineering"')).toEqual(["Sales Engineering"]);
      expect(await names(`?search=${encodeURIComponent(`id eq "${ids.Sales}"`)}`)).toEqual(["Sales"]);
      expect((await names(`?search=${encodeURIComponent('profile.name eq "Sales" or type eq "BUILT_IN"')}`)).sort()).toEqual(["Everyone", "Sales"]);
      expect(await names(`?search=${encodeURIComponent('type eq "OKTA_GROUP" and (profile.name eq "Sales" or profile.name eq "Everyone")')}`)).toEqual(["Sales"]);
      expect((await names(`?search=${encodeURIComponent('type eq "OKTA_GROUP"')}&q=support`)).sort()).toEqual(["Support 100%", "Support_Tier"]);
      expect(await names(`?search=${encodeURIComponent('type eq "BUILT_IN"')}&filter=${encodeURIComponent('type eq "OKTA_GROUP"')}`)).toEqual([]);
    });

    it("filters on times", async () => {
      const id = await groupId("Stale");
      await f.db.group.update({ where: { id }, data: { lastUpdated: new Date("2020-01-01T00:00:00.000Z"), lastMembershipUpdated: new Date("2020-01-01T00:00:00.000Z") } });
      expect(await names(`?search=${encodeURIComponent('lastUpdated lt "2021-01-01T00:00:00.000Z"')}`)).toEqual(["Stale"]);
      expect(await names(`?filter=${encodeURIComponent('lastMembershipUpdated le "2020-01-01T00:00:00.000Z"')}`)).toEqual(["Stale"]);
      expect(await names(`?filter=${encodeURIComponent('lastUpdated gt "2021-01-01T00:00:00Z" and profile.name eq "stale"')}`)).toEqual([]);
      expect(await names(`?filter=${encodeURIComponent('created ge "2026-01-15T10:00:00.000+00:00" and profile.name eq "stale"')}`)).toEqual(["Stale"]);
    });

    it.each([
      ["search", 'type eq OKTA_GROUP', "search: Expected a double-quoted value after 'type eq', found 'OKTA_GROUP' at position 9."],
      ["search", 'profile.name sw "Sa"', "search: 'profile.name sw' is not supported."],
      ["filter", 'status eq "ACTIVE"', "filter: 'status eq' is not supported."],
      ["filter", 'lastUpdated gt "yesterday"', "filter: 'yesterday' is not an ISO 8601 time such as \"2026-01-15T10:00:00.000Z\"."],
      ["search", '(type eq "BUILT_IN"', "search: Expected ')' to close the '(' at position 1, found the end of the expression."],
    ])("refuses %s=%s with E0000001 on the parameter", async (parameter, expression, cause) => {
      const res = await f.api("GET", `/api/v1/groups?${parameter}=${encodeURIComponent(expression)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${parameter}` });
      expect(res.body.errorCauses[0].errorSummary).toMatch(new RegExp(`^${cause.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} Supported: `));
    });

    it("refuses a bad limit", async () => {
      const res = await f.api("GET", "/api/v1/groups?limit=0");
      expect(res.status).toBe(400);
      expect(res.body.errorSummary).toBe("Api validation failed: limit");
    });

    it("pages with limit and an absolute Link rel=next to the end, keeping q", async () => {
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await groupId(`Pg-${i}`));
      const { ids: seen, pages } = await walk("/api/v1/groups?q=PG-&limit=2");
      expect(pages).toBe(3);
      expect(seen).toEqual([...made].sort());
      const everything = await walk("/api/v1/groups?limit=4");
      expect(everything.ids).toEqual((await f.db.group.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((g) => g.id));
    });
  });
});
