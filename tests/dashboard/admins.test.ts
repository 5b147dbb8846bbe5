import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runListAdmins } from "@/lib/admin/roles/role-operations";
import { callOperation } from "@/lib/dashboard/call-operation";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { setUserRoles } from "../support/admin-roles";
import { testProviders } from "../support/test-databases";
import { act, adminCallOf, adminUserId, createPlainUser, sessionCookie } from "./dashboard-fixture";

describe.each(testProviders())("the dashboard's Admins page on %s", (provider) => {
  let f: AdminFixture;
  let superCookie: string;
  let superId: string;
  let userId: string;
  let groupId: string;
  let appId: string;
  let clientId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    superId = await adminUserId(f);
    superCookie = await sessionCookie(f, superId);
    userId = await createPlainUser(f, "future.admin@example.com");
    groupId = (await f.api("POST", "/api/v1/groups", { profile: { name: "Helpdesk" } })).body.id;
    const app = await f.api("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Provisioner",
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
    });
    appId = app.body.id;
    clientId = app.body.credentials.oauthClient.client_id;
  });
  afterAll(() => f.close());

  async function admins() {
    const listed = await callOperation(await adminCallOf(f, superCookie), (ctx) => runListAdmins(ctx));
    if (!listed.ok) throw new Error(listed.summary);
    return listed.value.map((holder) => ({ type: holder.assigneeType, id: holder.id, roles: holder.roles.map((role) => role.type) }));
  }

  it("lists the bootstrap super administrator alone at first", async () => {
    expect(await admins()).toEqual([{ type: "USER", id: superId, roles: ["SUPER_ADMIN"] }]);
  });

  it("assigns roles to a user, a group and an app (chosen by client_id), and lists them", async () => {
    expect(await act(f, superCookie, "role.assign", { assigneeType: "USER", assigneeId: userId, roleType: "READ_ONLY_ADMIN" })).toEqual({ ok: true, notice: "Assigned Read-only Administrator." });
    expect(await act(f, superCookie, "role.assign", { assigneeType: "GROUP", assigneeId: groupId, roleType: "USER_ADMIN" })).toEqual({ ok: true, notice: "Assigned Group Administrator." });
    expect(await act(f, superCookie, "role.assign", { assigneeType: "APP", assigneeId: clientId, roleType: "REPORT_ADMIN" })).toEqual({ ok: true, notice: "Assigned Report Administrator." });
    expect(await admins()).toEqual([
      { type: "USER", id: superId, roles: ["SUPER_ADMIN"] },
      { type: "USER", id: userId, roles: ["READ_ONLY_ADMIN"] },
      { type: "GROUP", id: groupId, roles: ["USER_ADMIN"] },
      { type: "APP", id: appId, roles: ["REPORT_ADMIN"] },
    ]);
    const events = await f.db.systemLogEvent.findMany({ where: { eventType: { in: ["user.account.privilege.grant", "group.privilege.grant", "app.oauth2.client.privilege.grant"] } }, select: { actorId: true } });
    expect(events.map((event) => event.actorId)).toEqual([superId, superId, superId]);
  });

  it("refuses a role held already, an unknown role, a missing or unknown assignee, with the API's messages", async () => {
    expect(await act(f, superCookie, "role.assign", { assigneeType: "USER", assigneeId: userId, roleType: "READ_ONLY_ADMIN" })).toEqual({
      ok: false,
      error: "Duplicate administrator role",
      causes: ["The role READ_ONLY_ADMIN is already assigned to future.admin@example.com."],
    });
    expect(await act(f, superCookie, "role.assign", { assigneeType: "USER", assigneeId: userId, roleType: "KING" })).toMatchObject({ ok: false, causes: [expect.stringContaining("'KING' is not a supported role type")] });
    expect(await act(f, superCookie, "role.assign", { assigneeType: "USER", assigneeId: "", roleType: "READ_ONLY_ADMIN" })).toEqual({ ok: false, error: "Choose the user to assign the role to.", causes: ["assigneeId: Choose a user."] });
    expect(await act(f, superCookie, "role.assign", { assigneeType: "APP", assigneeId: "no-such-client", roleType: "READ_ONLY_ADMIN" })).toMatchObject({ ok: false, error: "Not found: Resource not found: _invalid_ (AppInstance)" });
    expect(await act(f, superCookie, "role.assign", { assigneeType: "ROBOT", assigneeId: userId, roleType: "READ_ONLY_ADMIN" })).toEqual({ ok: false, error: "Choose a user, a group or an app.", causes: [] });
  });

  it("unassigns a role; the last active super administrator's stays, with a clear message", async () => {
    const [holder] = await f.db.roleAssignment.findMany({ where: { groupId } });
    expect(await act(f, superCookie, "role.unassign", { assigneeType: "GROUP", assigneeId: groupId, roleAssignmentId: holder!.id })).toEqual({ ok: true, notice: "Unassigned the role." });
    expect(await f.db.roleAssignment.count({ where: { groupId } })).toBe(0);

    const own = await f.db.roleAssignment.findFirstOrThrow({ where: { userId: superId, type: "SUPER_ADMIN" } });
    const refused = await act(f, superCookie, "role.unassign", { assigneeType: "USER", assigneeId: superId, roleAssignmentId: own.id });
    expect(refused).toMatchObject({ ok: false, error: "Api validation failed: role", causes: [expect.stringContaining("would leave no active super administrator")] });
    expect(await f.db.roleAssignment.count({ where: { id: own.id } })).toBe(1);
  });

  it("lets no one but a super administrator assign or unassign (an ORG_ADMIN is refused before anything runs)", async () => {
    const orgAdmin = await createPlainUser(f, "org.admin@example.com");
    await setUserRoles(f.db, orgAdmin, ["ORG_ADMIN"]);
    const cookie = await sessionCookie(f, orgAdmin);
    expect(await act(f, cookie, "role.assign", { assigneeType: "USER", assigneeId: orgAdmin, roleType: "SUPER_ADMIN" })).toEqual({ ok: false, refused: "forbidden" });
    expect(await f.db.roleAssignment.findMany({ where: { userId: orgAdmin }, select: { type: true } })).toEqual([{ type: "ORG_ADMIN" }]);
  });

  it("resets a user's password by email (RECOVERY, the link never in the answer) and expires another's", async () => {
    const reset = await createPlainUser(f, "forgetful@example.com");
    const result = await act(f, superCookie, "user.resetPassword", { userId: reset, revokeSessions: "true" });
    expect(result).toEqual({ ok: true, notice: "Sent the user a password reset email: their account is in recovery until they choose a new password." });
    expect((await f.db.user.findUniqueOrThrow({ where: { id: reset } })).status).toBe("RECOVERY");
    const expired = await createPlainUser(f, "expiring@example.com");
    expect(await act(f, superCookie, "user.expirePassword", { userId: expired })).toMatchObject({ ok: true });
    expect((await f.db.user.findUniqueOrThrow({ where: { id: expired } })).status).toBe("PASSWORD_EXPIRED");
    expect(await act(f, superCookie, "user.expirePassword", { userId: reset })).toMatchObject({ ok: false, causes: ["Only an ACTIVE user with a password can have it expired; this user is RECOVERY."] });
  });
});
