import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolesAllow } from "@/lib/admin-roles/permissions";
import { ROLE_TYPES } from "@/lib/admin-roles/role-types";
import { actionPermission } from "@/lib/dashboard/actions/action-permissions";
import { DASHBOARD_ACTIONS } from "@/lib/dashboard/actions/run-dashboard-action";
import type { FormInput } from "@/lib/dashboard/form-input";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { setUserRoles } from "../support/admin-roles";
import { testProviders } from "../support/test-databases";
import { searchPickerOptions } from "@/lib/dashboard/pickers/search-picker-options";
import { act, adminCallOf, createPlainUser, seedActionTargets, sessionCookie, snapshotCounts } from "./dashboard-fixture";

const ACTIONS = Object.keys(DASHBOARD_ACTIONS);

describe.each(testProviders())("the dashboard's role gate on %s", (provider) => {
  let f: AdminFixture;
  let form: FormInput;
  let plainUserId: string;
  let groupId: string;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    ({ form, plainUserId, groupId } = await seedActionTargets(f));
  });
  afterAll(() => f.close());

  async function signedInAs(login: string, roles: Parameters<typeof setUserRoles>[2]): Promise<string> {
    const userId = await createPlainUser(f, login);
    await setUserRoles(f.db, userId, roles);
    return sessionCookie(f, userId);
  }

  it("refuses a READ_ONLY_ADMIN every action (forbidden) and changes nothing", async () => {
    const cookie = await signedInAs("read.only@example.com", ["READ_ONLY_ADMIN"]);
    const before = await snapshotCounts(f);
    for (const name of ACTIONS) expect(await act(f, cookie, name, form), name).toEqual({ ok: false, refused: "forbidden" });
    expect(await snapshotCounts(f)).toEqual(before);
  });

  it.each(ROLE_TYPES)("refuses %s every action its role lacks the permission for, and changes nothing", async (role) => {
    const cookie = await signedInAs(`${role.toLowerCase()}@example.com`, [role]);
    const lacking = ACTIONS.filter((name) => !rolesAllow([role], actionPermission(name)!));
    if (role === "SUPER_ADMIN") expect(lacking).toEqual([]);
    else expect(lacking.length).toBeGreaterThan(0);
    const before = await snapshotCounts(f);
    for (const name of lacking) expect(await act(f, cookie, name, form), `${role} ${name}`).toEqual({ ok: false, refused: "forbidden" });
    expect(await snapshotCounts(f)).toEqual(before);
  });

  it("lets a narrow role run what it holds: a GROUP_MEMBERSHIP_ADMIN adds a member but cannot rename the group", async () => {
    const cookie = await signedInAs("members.only@example.com", ["GROUP_MEMBERSHIP_ADMIN"]);
    expect(await act(f, cookie, "group.addMember", { groupId, userId: plainUserId })).toEqual({ ok: true, notice: "Added the member." });
    expect(await f.db.groupMembership.count({ where: { groupId, userId: plainUserId } })).toBe(1);
    expect(await act(f, cookie, "group.update", { groupId, name: "Renamed" })).toEqual({ ok: false, refused: "forbidden" });
    expect((await f.db.group.findUniqueOrThrow({ where: { id: groupId } })).name).toBe("Engineers");
    expect(await act(f, cookie, "group.removeMember", { groupId, userId: plainUserId })).toEqual({ ok: true, notice: "Removed the member." });
  });

  it("reads the roles at every call: a demoted admin is refused at once, a promoted one let through", async () => {
    const userId = await createPlainUser(f, "promoted@example.com");
    const cookie = await sessionCookie(f, userId);
    await setUserRoles(f.db, userId, ["READ_ONLY_ADMIN"]);
    expect(await act(f, cookie, "group.create", { name: "Promoted's group" })).toEqual({ ok: false, refused: "forbidden" });
    await setUserRoles(f.db, userId, ["USER_ADMIN"]);
    expect(await act(f, cookie, "group.create", { name: "Promoted's group" })).toMatchObject({ ok: true });
    await setUserRoles(f.db, userId, ["REPORT_ADMIN"]);
    expect(await act(f, cookie, "group.delete", { groupId })).toEqual({ ok: false, refused: "forbidden" });
    expect(await f.db.group.count({ where: { id: groupId } })).toBe(1);
  });

  it("answers an unknown action as unknown, for any role", async () => {
    const cookie = await signedInAs("unknown.action@example.com", ["READ_ONLY_ADMIN"]);
    expect(await act(f, cookie, "user.nope", form)).toEqual({ ok: false, error: 'Unknown action "user.nope".', causes: [] });
  });

  it("applies the API's target rules: an ORG_ADMIN cannot touch an admin user or a group carrying a role (403 E0000006, logged), a plain one it can", async () => {
    const cookie = await signedInAs("org.admin@example.com", ["ORG_ADMIN"]);
    const adminId = await createPlainUser(f, "another.admin@example.com");
    await setUserRoles(f.db, adminId, ["READ_ONLY_ADMIN"]);
    const refused = await act(f, cookie, "user.suspend", { userId: adminId });
    expect(refused).toEqual({
      ok: false,
      error: "You do not have permission to perform the requested action",
      causes: [`The user ${adminId} holds an admin role: only a super administrator (SUPER_ADMIN) may do this.`],
    });
    expect((await f.db.user.findUniqueOrThrow({ where: { id: adminId } })).status).toBe("ACTIVE");
    expect(await f.db.systemLogEvent.count({ where: { eventType: "core.user.admin_privilege.denied", outcomeReason: { contains: adminId } } })).toBe(1);

    const rolesGroup: string = (await f.api("POST", "/api/v1/groups", { profile: { name: "Auditors" } })).body.id;
    expect((await f.api("POST", `/api/v1/groups/${rolesGroup}/roles`, { type: "REPORT_ADMIN" })).status).toBe(201);
    expect(await act(f, cookie, "group.addMember", { groupId: rolesGroup, userId: plainUserId })).toMatchObject({ ok: false, error: "You do not have permission to perform the requested action" });
    expect(await act(f, cookie, "user.create", { login: "into.auditors@example.com", email: "into.auditors@example.com", firstName: "A", lastName: "B", groupIds: [rolesGroup] })).toMatchObject({ ok: false, error: "You do not have permission to perform the requested action" });
    expect(await f.db.groupMembership.count({ where: { groupId: rolesGroup } })).toBe(0);
    expect(await f.db.user.count({ where: { login: "into.auditors@example.com" } })).toBe(0);

    expect(await act(f, cookie, "user.expirePassword", { userId: plainUserId })).toEqual({ ok: true, notice: "Expired the user's password: they must choose a new one at their next sign-in." });
    expect((await f.db.user.findUniqueOrThrow({ where: { id: plainUserId } })).status).toBe("PASSWORD_EXPIRED");
  });

  it("lets a picker search only the lists the role reads: a REPORT_ADMIN finds no users, an APP_ADMIN finds them", async () => {
    const reporter = await adminCallOf(f, await signedInAs("reporter@example.com", ["REPORT_ADMIN"]));
    expect(await searchPickerOptions(reporter, { kind: "user", query: "plain" })).toEqual({ ok: false, error: "Your role cannot list these." });
    expect(await searchPickerOptions(reporter, { kind: "client", query: "" })).toEqual({ ok: false, error: "Your role cannot list these." });
    const appAdmin = await adminCallOf(f, await signedInAs("apps@example.com", ["APP_ADMIN"]));
    expect(await searchPickerOptions(appAdmin, { kind: "user", query: "plain.user@" })).toMatchObject({ ok: true, options: [{ value: plainUserId, label: "plain.user@example.com" }] });
  });
});
