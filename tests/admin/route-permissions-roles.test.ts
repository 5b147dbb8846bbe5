import { describe, expect, it } from "vitest";
import { rolesAllow } from "@/lib/admin-roles/permissions";
import { ROLE_TYPES } from "@/lib/admin-roles/role-types";
import { matchAdminRoute, routeRequirement } from "@/lib/admin/match-admin-route";

/**
 * What each role may call, written out by hand (columns in ROLE_TYPES order: SUPER_ADMIN, ORG_ADMIN,
 * APP_ADMIN, USER_ADMIN, GROUP_MEMBERSHIP_ADMIN, API_ACCESS_MANAGEMENT_ADMIN, REPORT_ADMIN,
 * READ_ONLY_ADMIN): the table and ROLE_PERMISSIONS together must give exactly this. The exhaustive
 * test (route-permissions.test.ts) checks the server enforces the table; this one checks the table.
 */
const EXPECTED: Array<[method: string, path: string, allowed: string]> = [
  ["GET", "/api/v1/users", "YYYYYYNY"],
  ["POST", "/api/v1/users", "YYNYNNNN"],
  ["POST", "/api/v1/users/00u1/lifecycle/reset_password", "YYNYNNNN"],
  ["POST", "/api/v1/users/00u1/factors", "YYNYNNNN"],
  ["GET", "/api/v1/users/00u1", "YYYYYYNY"],
  ["GET", "/api/v1/users/me", "YYYYYYYY"],
  ["POST", "/api/v1/groups", "YYNYNNNN"],
  ["PUT", "/api/v1/groups/00g1/users/00u1", "YYNYYNNN"],
  ["GET", "/api/v1/apps", "YYYYNYNY"],
  ["POST", "/api/v1/apps", "YYYNNNNN"],
  ["POST", "/api/v1/apps/0oa1/credentials/secrets", "YYYNNNNN"],
  ["POST", "/oauth2/v1/clients", "YYYNNNNN"],
  ["POST", "/api/v1/authorizationServers", "YNNNNYNN"],
  ["GET", "/api/v1/authorizationServers", "YYYNNYNY"],
  ["GET", "/api/v1/logs", "YYNNNNYY"],
  ["GET", "/api/v1/users/00u1/roles", "YYNNNNNY"],
  ["POST", "/api/v1/users/00u1/roles", "YNNNNNNN"],
  ["DELETE", "/api/v1/groups/00g1/roles/ra11", "YNNNNNNN"],
  ["POST", "/api/v1/apps/0oa1/grants", "YNNNNNNN"],
  ["POST", "/api/v1/org/settings", "YYNNNNNN"],
  ["POST", "/api/v1/policies", "YYNNNNNN"],
  ["POST", "/api/v1/zones", "YYNNNNNN"],
  ["PUT", "/api/v1/brands/bnd1", "YYNNNNNN"],
  ["GET", "/api/v1/api-tokens", "YYYYYYYY"],
  ["DELETE", "/api/v1/api-tokens/current", "YYYYYYYY"],
];

const CALLER = "00uCaller";

describe("the permission table, by role", () => {
  it.each(EXPECTED)("%s %s: %s", (method, path, allowed) => {
    const requirement = routeRequirement(matchAdminRoute(path), method, CALLER);
    expect(requirement).not.toBeNull();
    const actual = ROLE_TYPES.map((role) => (requirement === "self" || rolesAllow([role], requirement!) ? "Y" : "N")).join("");
    expect(actual).toBe(allowed);
  });

  it("matches literal segments before parameters, and fails closed for anything else", () => {
    expect(matchAdminRoute("/api/v1/api-tokens/current")?.pattern).toBe("/api-tokens/current");
    expect(matchAdminRoute("/api/v1/api-tokens/00T1")).toEqual({ pattern: "/api-tokens/[apiTokenId]", params: { apiTokenId: "00T1" } });
    expect(matchAdminRoute("/api/v1/users/00u1/factors/catalog")?.pattern).toBe("/users/[userId]/factors/catalog");
    expect(matchAdminRoute("/api/v1/users/00u1/factors/f1")?.pattern).toBe("/users/[userId]/factors/[factorId]");
    expect(matchAdminRoute("/api/v1/users/a%20b")?.params).toEqual({ userId: "a b" });
    for (const path of ["/api/v1/nope", "/api/v1/users/00u1/nope", "/api/v2/users", "/oauth2/v1/token", "/api/v1", "/users"]) expect(matchAdminRoute(path), path).toBeNull();
    expect(routeRequirement(matchAdminRoute("/api/v1/users"), "PATCH", CALLER)).toBeNull();
    // GET /users/{id} is "self" on the caller's own id, the permission on anyone else's
    expect(routeRequirement(matchAdminRoute(`/api/v1/users/${CALLER}`), "GET", CALLER)).toBe("self");
    expect(routeRequirement(matchAdminRoute(`/api/v1/users/${CALLER}`), "POST", CALLER)).toBe("users.manage");
  });
});
