import { describe, expect, it } from "vitest";
import { rolesAllow } from "../../admin-roles/permissions";
import { ROLE_TYPES, type RoleType } from "../../admin-roles/role-types";
import { ACTION_PERMISSIONS, actionPermission, permissionsOf } from "./action-permissions";
import { DASHBOARD_ACTIONS } from "./run-dashboard-action";

const ACTIONS = Object.keys(DASHBOARD_ACTIONS).sort();

const AUTHORIZATION_SERVERS = /^(authorizationServer|scope|claim|policy|rule)\./;

/** What each role may run, written from the role descriptions (not derived from the table). */
const EXPECTED: Record<RoleType, (action: string) => boolean> = {
  SUPER_ADMIN: () => true,
  ORG_ADMIN: (action) => !AUTHORIZATION_SERVERS.test(action) && !action.startsWith("role.") && !action.startsWith("appGrant."),
  APP_ADMIN: (action) => action.startsWith("app.") || action === "accessPolicy.assignApp",
  USER_ADMIN: (action) => /^(user|group|factor)\./.test(action),
  GROUP_MEMBERSHIP_ADMIN: (action) => ["user.addGroup", "user.removeGroup", "group.addMember", "group.removeMember"].includes(action),
  API_ACCESS_MANAGEMENT_ADMIN: (action) => AUTHORIZATION_SERVERS.test(action),
  REPORT_ADMIN: () => false,
  READ_ONLY_ADMIN: () => false,
};

describe("the dashboard's action permission table", () => {
  it("names a permission for every action, and no action that does not exist", () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(80);
    expect(Object.keys(ACTION_PERMISSIONS).sort()).toEqual(ACTIONS);
  });

  it("asks for a manage permission for every action (an action changes something)", () => {
    for (const action of ACTIONS) expect(actionPermission(action), action).toMatch(/\.manage$/);
  });

  it("knows no permission for a name that is no action (nor one inherited from Object)", () => {
    for (const name of ["", "user", "user.nope", "toString", "__proto__", "constructor", "hasOwnProperty"]) expect(actionPermission(name), name).toBeUndefined();
  });

  it.each(ROLE_TYPES)("lets %s run exactly the actions its role description allows", (role) => {
    const allowed = ACTIONS.filter((action) => rolesAllow([role], actionPermission(action)!));
    expect(allowed).toEqual(ACTIONS.filter(EXPECTED[role]));
  });

  it("lets a combination of roles run the union of their actions", () => {
    const both = ACTIONS.filter((action) => rolesAllow(["APP_ADMIN", "GROUP_MEMBERSHIP_ADMIN"], actionPermission(action)!));
    expect(both).toEqual(ACTIONS.filter((action) => EXPECTED.APP_ADMIN(action) || EXPECTED.GROUP_MEMBERSHIP_ADMIN(action)));
    expect(ACTIONS.filter((action) => rolesAllow([], actionPermission(action)!))).toEqual([]);
  });

  it("lists a role's permissions once each, the outbox only for SUPER_ADMIN", () => {
    expect(permissionsOf(["READ_ONLY_ADMIN", "READ_ONLY_ADMIN", "REPORT_ADMIN"]).filter((p) => p === "logs.read")).toEqual(["logs.read"]);
    expect(permissionsOf(["READ_ONLY_ADMIN"]).some((p) => p.endsWith(".manage"))).toBe(false);
    for (const role of ROLE_TYPES) expect(permissionsOf([role]).includes("outbox.read"), role).toBe(role === "SUPER_ADMIN");
    expect(permissionsOf([])).toEqual([]);
  });
});
