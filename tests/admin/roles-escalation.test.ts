import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { ADMIN_TOKEN, createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { setUserRoles, SUPER_ADMIN_USER } from "../support/admin-roles";
import { countLogEvents, deleteLogEvents, readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { createTestAdmin } from "../admin-roles/role-test-actors";

const DENIED = "core.user.admin_privilege.denied";
const FORBIDDEN = { errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action" };

describe.each(testProviders())("privilege escalation and the last super administrator on %s", (provider) => {
  let f: AdminFixture;
  let admin: { id: string; login: string };
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    admin = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER, select: { id: true, login: true } });
  });
  afterAll(() => f.close());

  const group = async (name: string, role?: string) => {
    const id = (await f.api("POST", "/api/v1/groups", { profile: { name } })).body.id as string;
    if (role) expect((await f.api("POST", `/api/v1/groups/${id}/roles`, { type: role })).status).toBe(201);
    return id;
  };
  const app = async (label: string, role?: string) => {
    const res = await f.api("POST", "/api/v1/apps", { name: "oidc_client", label, signOnMode: "OPENID_CONNECT", settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"] } } });
    expect(res.status, res.text).toBe(200);
    if (role) expect((await f.api("POST", `/api/v1/apps/${res.body.id}/roles`, { type: role })).status).toBe(201);
    return res.body.id as string;
  };
  /** The request is refused with 403 E0000006 and exactly one DENY entry naming the caller. */
  async function expectRefused(actorId: string, request: () => Promise<{ status: number; body: unknown; text: string }>) {
    await deleteLogEvents(f.db, { eventType: DENIED });
    const res = await request();
    expect(res.status, res.text).toBe(403);
    expect(res.body).toMatchObject(FORBIDDEN);
    const events = await readLogEvents(f.db, { where: { eventType: DENIED } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId, outcomeResult: "DENY", severity: "WARN" });
    expect(events[0]!.outcomeReason).toBeTruthy();
  }

  it("a USER_ADMIN cannot grant itself SUPER_ADMIN (nor anyone a role): 403, logged, nothing written", async () => {
    const userAdmin = await createTestAdmin(f, ["USER_ADMIN"], "Escalator");
    const orgAdmin = await createTestAdmin(f, ["ORG_ADMIN"], "Org");
    const before = await f.db.roleAssignment.count();
    await expectRefused(userAdmin.id, () => f.api("POST", "/api/v1/users/me/roles", { type: "SUPER_ADMIN" }, { token: userAdmin.token }));
    await expectRefused(userAdmin.id, () => f.api("POST", `/api/v1/users/${userAdmin.id}/roles`, { type: "SUPER_ADMIN" }, { token: userAdmin.token }));
    await expectRefused(orgAdmin.id, () => f.api("POST", `/api/v1/users/${userAdmin.id}/roles`, { type: "ORG_ADMIN" }, { token: orgAdmin.token }));
    expect(await f.db.roleAssignment.count()).toBe(before);
  });

  it("only a SUPER_ADMIN manages an administrator: their profile, lifecycle, factors and API tokens", async () => {
    const orgAdmin = await createTestAdmin(f, ["ORG_ADMIN"], "Manager");
    const reportAdmin = await createTestAdmin(f, ["REPORT_ADMIN"], "Reporter");
    const plain = await createTestAdmin(f, [], "Plain");
    const as = { token: orgAdmin.token };
    await expectRefused(orgAdmin.id, () => f.api("POST", `/api/v1/users/${admin.id}/lifecycle/reset_password?sendEmail=false`, undefined, as));
    await expectRefused(orgAdmin.id, () => f.api("POST", `/api/v1/users/${reportAdmin.id}/lifecycle/deactivate`, undefined, as));
    await expectRefused(orgAdmin.id, () => f.api("POST", `/api/v1/users/${reportAdmin.id}`, { profile: { firstName: "Changed" } }, as));
    await expectRefused(orgAdmin.id, () => f.api("DELETE", `/api/v1/users/${reportAdmin.id}`, undefined, as));
    await expectRefused(orgAdmin.id, () => f.api("POST", `/api/v1/users/${reportAdmin.id}/lifecycle/reset_factors`, undefined, as));
    expect((await f.db.user.findUniqueOrThrow({ where: { id: reportAdmin.id } })).status).toBe("ACTIVE");
    // a user without roles is the ORG_ADMIN's to manage; reads of administrators are fine
    expect((await f.api("POST", `/api/v1/users/${plain.id}`, { profile: { firstName: "Changed" } }, as)).status).toBe(200);
    expect((await f.api("GET", `/api/v1/users/${admin.id}`, undefined, as)).status).toBe(200);
    // API tokens: the SUPER_ADMIN's is not the ORG_ADMIN's to revoke; its own is
    const adminTokenId = (await f.db.apiToken.findFirstOrThrow({ where: { userId: admin.id } })).id;
    await expectRefused(orgAdmin.id, () => f.api("DELETE", `/api/v1/api-tokens/${adminTokenId}`, undefined, as));
    expect((await f.api("GET", "/api/v1/users/me", undefined, { token: ADMIN_TOKEN })).status).toBe(200);
    const own = await createApiToken(f.db, { name: "second", userId: orgAdmin.id }, f.clock.now);
    expect((await f.api("DELETE", `/api/v1/api-tokens/${own.record.id}`, undefined, as)).status).toBe(204);
  });

  it("groups carrying a role: membership, edits, and new users created into them are SUPER_ADMIN's", async () => {
    const supers = await group("Supers", "SUPER_ADMIN");
    const plainGroup = await group("Plain group");
    const membershipAdmin = await createTestAdmin(f, ["GROUP_MEMBERSHIP_ADMIN"], "Joiner");
    const as = { token: membershipAdmin.token };
    await expectRefused(membershipAdmin.id, () => f.api("PUT", `/api/v1/groups/${supers}/users/${membershipAdmin.id}`, undefined, as));
    expect(await f.db.groupMembership.count({ where: { groupId: supers } })).toBe(0);
    expect((await f.api("PUT", `/api/v1/groups/${plainGroup}/users/${membershipAdmin.id}`, undefined, as)).status).toBe(204);

    const orgAdmin = await createTestAdmin(f, ["ORG_ADMIN"], "Creator");
    const login = "sneaky@example.com";
    await expectRefused(orgAdmin.id, () =>
      f.api("POST", "/api/v1/users?activate=true", { profile: { login, email: login, firstName: "S", lastName: "N" }, credentials: { password: { value: "correct horse battery staple" } }, groupIds: [supers] }, { token: orgAdmin.token }),
    );
    expect(await f.db.user.count({ where: { login } })).toBe(0);
    await expectRefused(orgAdmin.id, () => f.api("PUT", `/api/v1/groups/${supers}`, { profile: { name: "Renamed" } }, { token: orgAdmin.token }));
    await expectRefused(orgAdmin.id, () => f.api("DELETE", `/api/v1/groups/${supers}`, undefined, { token: orgAdmin.token }));
    expect((await f.api("PUT", `/api/v1/groups/${plainGroup}`, { profile: { name: "Renamed plain" } }, { token: orgAdmin.token })).status).toBe(200);
  });

  it("an app holding a role is SUPER_ADMIN's: an APP_ADMIN cannot mint its secrets", async () => {
    const privileged = await app("Privileged service", "USER_ADMIN");
    const ordinary = await app("Ordinary service");
    const appAdmin = await createTestAdmin(f, ["APP_ADMIN"], "Apps");
    await expectRefused(appAdmin.id, () => f.api("POST", `/api/v1/apps/${privileged}/credentials/secrets`, {}, { token: appAdmin.token }));
    await expectRefused(appAdmin.id, () => f.api("POST", `/api/v1/apps/${privileged}/lifecycle/deactivate`, undefined, { token: appAdmin.token }));
    expect((await f.api("POST", `/api/v1/apps/${ordinary}/credentials/secrets`, {}, { token: appAdmin.token })).status).toBe(201);
  });

  it("API tokens act with their creator's current roles: a demoted creator's token loses the rights at once", async () => {
    const creator = await createTestAdmin(f, ["ORG_ADMIN"], "Demoted");
    const as = { token: creator.token };
    expect((await f.api("POST", "/api/v1/groups", { profile: { name: "Made by ORG_ADMIN" } }, as)).status).toBe(200);
    await setUserRoles(f.db, creator.id, ["READ_ONLY_ADMIN"]);
    expect((await f.api("GET", "/api/v1/groups", undefined, as)).status).toBe(200);
    await expectRefused(creator.id, () => f.api("POST", "/api/v1/groups", { profile: { name: "Made after demotion" } }, as));
    await setUserRoles(f.db, creator.id, []);
    const none = await f.api("GET", "/api/v1/groups", undefined, as);
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject(FORBIDDEN);
    // roles through a group count, and leaving the group takes them away
    const readers = await group("Readers", "READ_ONLY_ADMIN");
    await f.api("PUT", `/api/v1/groups/${readers}/users/${creator.id}`);
    expect((await f.api("GET", "/api/v1/groups", undefined, as)).status).toBe(200);
    await f.api("DELETE", `/api/v1/groups/${readers}/users/${creator.id}`);
    expect((await f.api("GET", "/api/v1/groups", undefined, as)).status).toBe(403);
  });

  it("API tokens: any admin lists and reads only their own without apiTokens.read", async () => {
    const reporter = await createTestAdmin(f, ["REPORT_ADMIN"], "OwnTokens");
    const listed = await f.api("GET", "/api/v1/api-tokens", undefined, { token: reporter.token });
    expect(listed.status).toBe(200);
    expect(listed.body.map((t: { userId: string }) => t.userId)).toEqual([reporter.id]);
    const adminTokenId = (await f.db.apiToken.findFirstOrThrow({ where: { userId: admin.id } })).id;
    expect((await f.api("GET", `/api/v1/api-tokens/${adminTokenId}`, undefined, { token: reporter.token })).status).toBe(404);
    expect((await f.api("DELETE", `/api/v1/api-tokens/${adminTokenId}`, undefined, { token: reporter.token })).status).toBe(404);
    expect((await f.api("GET", `/api/v1/api-tokens/${listed.body[0].id}`, undefined, { token: reporter.token })).status).toBe(200);
    const all = await f.api("GET", "/api/v1/api-tokens");
    expect(all.body.length).toBeGreaterThan(1);
  });

  it("the last active SUPER_ADMIN stays: unassigning, leaving or deleting the group, deactivating and suspending are 400", async () => {
    const direct = await f.db.roleAssignment.findFirstOrThrow({ where: { userId: admin.id, type: "SUPER_ADMIN" } });
    const last = await f.api("DELETE", `/api/v1/users/${admin.id}/roles/${direct.id}`);
    expect(last.status).toBe(400);
    expect(last.body).toMatchObject({
      errorCode: "E0000001",
      errorSummary: "Api validation failed: role",
      errorCauses: [{ errorSummary: `Unassigning SUPER_ADMIN from ${admin.login} would leave no active super administrator, and no one could assign admin roles again. Make another user an active super administrator first.` }],
    });
    expect(await countLogEvents(f.db, { eventType: "user.account.privilege.revoke" })).toBe(0);

    // hand SUPER_ADMIN over to a group whose one member is another user, then drop the direct one
    const heir = await createTestAdmin(f, [], "Heir");
    const owners = (await f.db.group.findFirstOrThrow({ where: { name: "Supers" } })).id;
    expect((await f.api("PUT", `/api/v1/groups/${owners}/users/${heir.id}`)).status).toBe(204);
    expect((await f.api("DELETE", `/api/v1/users/${admin.id}/roles/${direct.id}`)).status).toBe(204);
    // the bootstrap admin is no super administrator any more; the heir is, through the group
    expect((await f.api("GET", `/api/v1/groups/${owners}/roles`)).status).toBe(403);
    const as = { token: heir.token };
    const leave = await f.api("DELETE", `/api/v1/groups/${owners}/users/${heir.id}`, undefined, as);
    expect(leave.status).toBe(400);
    expect(leave.body.errorCauses[0].errorSummary).toContain("would leave no active super administrator");
    expect((await f.api("DELETE", `/api/v1/groups/${owners}`, undefined, as)).status).toBe(400);
    const groupRole = await f.db.roleAssignment.findFirstOrThrow({ where: { groupId: owners, type: "SUPER_ADMIN" } });
    expect((await f.api("DELETE", `/api/v1/groups/${owners}/roles/${groupRole.id}`, undefined, as)).status).toBe(400);
    expect((await f.api("POST", `/api/v1/users/${heir.id}/lifecycle/deactivate`, undefined, as)).status).toBe(400);
    expect((await f.api("POST", `/api/v1/users/${heir.id}/lifecycle/suspend`, undefined, as)).status).toBe(400);
    expect(await f.db.groupMembership.count({ where: { groupId: owners, userId: heir.id } })).toBe(1);
    expect(await f.db.roleAssignment.count({ where: { id: groupRole.id } })).toBe(1);

    // with a second super administrator, the first may go
    expect((await f.api("POST", `/api/v1/users/${admin.id}/roles`, { type: "SUPER_ADMIN" }, as)).status).toBe(201);
    expect((await f.api("DELETE", `/api/v1/groups/${owners}/users/${heir.id}`)).status).toBe(204);
  });
});
