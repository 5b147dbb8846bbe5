import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { SUPER_ADMIN_USER } from "../support/admin-roles";
import { countLogEvents, readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { createTestAdmin } from "../admin-roles/role-test-actors";

const T0 = "2026-01-15T10:00:00.000Z";

describe.each(testProviders())("Roles API on %s", (provider) => {
  let f: AdminFixture;
  let admin: { id: string; login: string };
  let everyoneId: string;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    admin = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER, select: { id: true, login: true } });
    everyoneId = (await f.db.group.findFirstOrThrow({ where: { type: "BUILT_IN" } })).id;
  });
  afterAll(() => f.close());

  const group = async (name: string) => (await f.api("POST", "/api/v1/groups", { profile: { name } })).body.id as string;
  const app = async (label: string) =>
    (
      await f.api("POST", "/api/v1/apps", {
        name: "oidc_client",
        label,
        signOnMode: "OPENID_CONNECT",
        settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } },
        credentials: { oauthClient: { token_endpoint_auth_method: "client_secret_basic" } },
      })
    ).body.id as string;
  const role = (id: string, type: string, label: string, assignmentType: string, assignee: string) => ({
    id,
    label,
    type,
    status: "ACTIVE",
    created: T0,
    lastUpdated: T0,
    assignmentType,
    _links: { assignee: { href: `${ORG_URL}/api/v1/${assignee}` } },
  });

  it("assigns a role to a user (201 Role), lists, gets and unassigns it (204), each logged", async () => {
    const user = await createTestAdmin(f, [], "Plain");
    const assigned = await f.api("POST", `/api/v1/users/${user.id}/roles`, { type: "USER_ADMIN" });
    expect(assigned.status).toBe(201);
    expect(assigned.body.id).toMatch(/^ra1[0-9A-Za-z]{17}$/);
    const expected = role(assigned.body.id, "USER_ADMIN", "Group Administrator", "USER", `users/${user.id}`);
    expect(assigned.body).toEqual(expected);
    const grant = await readLogEvent(f.db, { where: { eventType: "user.account.privilege.grant" } });
    expect(grant).toMatchObject({ actorId: admin.id, outcomeResult: "SUCCESS" });
    expect(grant.target).toEqual([{ id: user.id, type: "User", alternateId: user.login, displayName: "Plain Tester" }]);
    expect(grant.debugContext.debugData).toMatchObject({ privilegeGranted: "Group Administrator" });

    await f.api("POST", `/api/v1/users/${user.id}/roles`, { type: "READ_ONLY_ADMIN" });
    const list = await f.api("GET", `/api/v1/users/${user.id}/roles`);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { type: string }) => r.type)).toEqual(["USER_ADMIN", "READ_ONLY_ADMIN"]);
    expect(list.body[0]).toEqual(expected);

    const got = await f.api("GET", `/api/v1/users/${user.id}/roles/${assigned.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(expected);

    const removed = await f.api("DELETE", `/api/v1/users/${user.id}/roles/${assigned.body.id}`);
    expect(removed.status).toBe(204);
    expect(removed.text).toBe("");
    expect((await f.api("GET", `/api/v1/users/${user.id}/roles`)).body.map((r: { type: string }) => r.type)).toEqual(["READ_ONLY_ADMIN"]);
    const revoke = await readLogEvent(f.db, { where: { eventType: "user.account.privilege.revoke" } });
    expect(revoke.debugContext.debugData).toMatchObject({ privilegeRevoked: "Group Administrator" });
    const gone = await f.api("GET", `/api/v1/users/${user.id}/roles/${assigned.body.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ errorCode: "E0000007", errorSummary: `Not found: Resource not found: ${assigned.body.id} (Role)` });
  });

  it("assigns roles to groups (GROUP) and apps (CLIENT); group members hold the group's roles at once", async () => {
    const groupId = await group("Auditors");
    const member = await createTestAdmin(f, [], "Member");
    expect((await f.api("GET", "/api/v1/logs", undefined, { token: member.token })).status).toBe(403);
    await f.api("PUT", `/api/v1/groups/${groupId}/users/${member.id}`);
    const assigned = await f.api("POST", `/api/v1/groups/${groupId}/roles`, { type: "REPORT_ADMIN" });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toEqual(role(assigned.body.id, "REPORT_ADMIN", "Report Administrator", "GROUP", `groups/${groupId}`));
    expect(await countLogEvents(f.db, { eventType: "group.privilege.grant" })).toBe(1);
    expect((await f.api("GET", "/api/v1/logs?limit=1", undefined, { token: member.token })).status).toBe(200);
    expect((await f.api("GET", `/api/v1/groups/${groupId}/roles`)).body).toEqual([assigned.body]);

    const appId = await app("Automation");
    const appRole = await f.api("POST", `/api/v1/apps/${appId}/roles`, { type: "READ_ONLY_ADMIN" });
    expect(appRole.status).toBe(201);
    expect(appRole.body).toEqual(role(appRole.body.id, "READ_ONLY_ADMIN", "Read-only Administrator", "CLIENT", `apps/${appId}`));
    expect((await f.api("GET", `/api/v1/apps/${appId}/roles`)).body).toEqual([appRole.body]);
    expect((await f.api("DELETE", `/api/v1/apps/${appId}/roles/${appRole.body.id}`)).status).toBe(204);
    expect(await countLogEvents(f.db, { eventType: "app.oauth2.client.privilege.revoke" })).toBe(1);
  });

  it("refuses bad input with Okta's errors and writes nothing", async () => {
    const user = await createTestAdmin(f, [], "Target");
    const before = await f.db.roleAssignment.count();
    const unknownUser = await f.api("POST", "/api/v1/users/00uNoSuchUser0000000/roles", { type: "ORG_ADMIN" });
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 00uNoSuchUser0000000 (User)" });
    expect((await f.api("GET", "/api/v1/groups/00gNoSuchGroup000000/roles")).body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 00gNoSuchGroup000000 (UserGroup)" });
    expect((await f.api("GET", "/api/v1/apps/0oaNoSuchApp00000000/roles")).body).toMatchObject({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: 0oaNoSuchApp00000000 (AppInstance)" });

    const badType = await f.api("POST", `/api/v1/users/${user.id}/roles`, { type: "KING" });
    expect(badType.status).toBe(400);
    expect(badType.body).toMatchObject({
      errorCode: "E0000001",
      errorSummary: "Api validation failed: type",
      errorCauses: [{ errorSummary: "type: 'KING' is not a supported role type; use one of SUPER_ADMIN, ORG_ADMIN, APP_ADMIN, USER_ADMIN, GROUP_MEMBERSHIP_ADMIN, API_ACCESS_MANAGEMENT_ADMIN, REPORT_ADMIN, READ_ONLY_ADMIN." }],
    });
    for (const body of [{}, { type: 3 }, { type: "" }, [], "SUPER_ADMIN"]) {
      const res = await f.api("POST", `/api/v1/users/${user.id}/roles`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errorCode).toBe("E0000001");
    }
    expect((await f.api("POST", `/api/v1/users/${user.id}/roles`, undefined, { rawBody: "{", headers: { "Content-Type": "application/json" } })).body.errorCode).toBe("E0000003");

    const everyone = await f.api("POST", `/api/v1/groups/${everyoneId}/roles`, { type: "READ_ONLY_ADMIN" });
    expect(everyone.status).toBe(400);
    expect(everyone.body).toMatchObject({ errorCode: "E0000060", errorSummary: "Unsupported operation." });

    expect((await f.api("POST", `/api/v1/users/${user.id}/roles`, { type: "APP_ADMIN" })).status).toBe(201);
    const duplicate = await f.api("POST", `/api/v1/users/${user.id}/roles`, { type: "APP_ADMIN" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ errorCode: "E0000090", errorSummary: "Duplicate administrator role", errorCauses: [{ errorSummary: `The role APP_ADMIN is already assigned to ${user.login}.` }] });
    expect(await f.db.roleAssignment.count()).toBe(before + 1);

    // another assignee's assignment id is not found under this one
    const other = await createTestAdmin(f, ["REPORT_ADMIN"], "Other");
    const otherRole = await f.db.roleAssignment.findFirstOrThrow({ where: { userId: other.id } });
    expect((await f.api("DELETE", `/api/v1/users/${user.id}/roles/${otherRole.id}`)).status).toBe(404);
    expect(await f.db.roleAssignment.count({ where: { id: otherRole.id } })).toBe(1);
  });

  it("/users/me/roles lists the caller's own roles", async () => {
    const res = await f.api("GET", "/api/v1/users/me/roles");
    expect(res.status).toBe(200);
    expect(res.body.map((r: { type: string; _links: { assignee: { href: string } } }) => [r.type, r._links.assignee.href])).toEqual([["SUPER_ADMIN", `${ORG_URL}/api/v1/users/${admin.id}`]]);
  });
});
