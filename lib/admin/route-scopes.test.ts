import { describe, expect, it } from "vitest";
import { OKTA_SCOPES, scopesForPermission, type Permission } from "../admin-roles/permissions";
import { ADMIN_ROUTE_PERMISSIONS, SELF_ROUTE_SCOPES, type AdminMethod } from "./route-permissions";

/** Every (route, method, permission) an OAuth 2.0 access token may need a scope for. */
function scopedRoutes(): [string, AdminMethod, Permission][] {
  const rows: [string, AdminMethod, Permission][] = [];
  for (const table of [ADMIN_ROUTE_PERMISSIONS, SELF_ROUTE_SCOPES]) {
    for (const [route, methods] of Object.entries(table)) {
      for (const [method, requirement] of Object.entries(methods) as [AdminMethod, string][]) {
        if (requirement !== "self") rows.push([route, method, requirement as Permission]);
      }
    }
  }
  return rows;
}

describe("the okta.* scope an access token needs, for every management API route", () => {
  it.each(scopedRoutes())("%s %s (%s): at least one known okta.* scope; a write needs a .manage scope", (_route, method, permission) => {
    const scopes = scopesForPermission(permission);
    expect(scopes.length).toBeGreaterThan(0);
    for (const scope of scopes) expect(OKTA_SCOPES).toContain(scope);
    if (method !== "GET") for (const scope of scopes) expect(scope).toMatch(/\.manage$/);
  });

  it.each<[string, AdminMethod, string[]]>([
    ["/users", "GET", ["okta.users.read", "okta.users.manage"]],
    ["/users", "POST", ["okta.users.manage"]],
    ["/users/[userId]/factors", "POST", ["okta.factors.manage", "okta.users.manage"]],
    ["/groups/[groupId]/users/[userId]", "PUT", ["okta.groups.manage"]],
    ["/apps/[appId]/grants", "POST", ["okta.appGrants.manage"]],
    ["/users/[userId]/roles", "POST", ["okta.roles.manage"]],
    ["/logs", "GET", ["okta.logs.read"]],
    ["/org/settings", "POST", ["okta.orgs.manage"]],
  ])("%s %s accepts exactly %j", (route, method, expected) => {
    const permission = ADMIN_ROUTE_PERMISSIONS[route]?.[method];
    expect(permission).toBeDefined();
    expect(scopesForPermission(permission as Permission)).toEqual(expected);
  });

  it("the outbox (recovery links) is never reachable with an access token", () => {
    expect(scopesForPermission("outbox.read")).toEqual([]);
  });
});
