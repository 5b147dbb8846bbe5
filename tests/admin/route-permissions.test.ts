import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolesAllow } from "@/lib/admin-roles/permissions";
import { ROLE_TYPES, type RoleType } from "@/lib/admin-roles/role-types";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { ADMIN_ROUTE_PERMISSIONS, type AdminMethod } from "@/lib/admin/route-permissions";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { createTestAdmin, type TestAdmin } from "../admin-roles/role-test-actors";

const APP_DIR = path.resolve(__dirname, "../../app");

/** Every route file under `dir` (relative to app/), recursively. */
function routeFiles(dir: string): string[] {
  const full = path.join(APP_DIR, dir);
  return readdirSync(full).flatMap((name) => {
    const child = path.join(dir, name);
    if (statSync(path.join(APP_DIR, child)).isDirectory()) return routeFiles(child);
    return name === "route.ts" ? [child] : [];
  });
}

/**
 * The management routes as the route files declare them: each file handing its operations to
 * adminRoutes({...}), by its path (under /api/v1, or in full for /oauth2/v1/clients) and the
 * methods of that object. End-user routes (authn, sessions/me) do not use adminRoutes.
 */
function declaredRoutes(): Record<string, AdminMethod[]> {
  const routes: Record<string, AdminMethod[]> = {};
  for (const file of [...routeFiles("api/v1"), ...routeFiles("oauth2/v1/clients")]) {
    const source = readFileSync(path.join(APP_DIR, file), "utf8");
    const call = /adminRoutes\(\s*\{([^}]*)\}/.exec(source);
    if (!call) continue;
    const methods = [...call[1]!.matchAll(/\b(GET|POST|PUT|DELETE|PATCH)\s*:/g)].map((match) => match[1] as AdminMethod);
    const dir = path.dirname(file).split(path.sep).join("/");
    const pattern = dir.startsWith("api/v1") ? dir.slice("api/v1".length) : `/${dir}`;
    routes[pattern] = methods.sort();
  }
  return routes;
}

describe("the permission table matches the route files", () => {
  it("both ways: every adminRoutes route and method has an entry, every entry a route", () => {
    const declared = declaredRoutes();
    const table = Object.fromEntries(Object.entries(ADMIN_ROUTE_PERMISSIONS).map(([pattern, methods]) => [pattern, Object.keys(methods).sort()]));
    expect(Object.keys(declared).length).toBeGreaterThan(90);
    expect(table).toEqual(declared);
  });
});

describe.each(testProviders())("every route x every role on %s", (provider) => {
  let f: AdminFixture;
  let ids: Record<string, string>;
  const admins = {} as Record<RoleType, TestAdmin>;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const ok = async (method: string, url: string, body?: unknown) => {
      const res = await f.api(method, url, body);
      expect(res.status, `${method} ${url}: ${res.text}`).toBeLessThan(300);
      return res.body;
    };
    const user = await createTestAdmin(f, [], "Target");
    const group = await ok("POST", "/api/v1/groups", { profile: { name: "Fixture group" } });
    const app = await ok("POST", "/api/v1/apps", {
      name: "oidc_client",
      label: "Fixture app",
      signOnMode: "OPENID_CONNECT",
      settings: { oauthClient: { application_type: "web", redirect_uris: ["https://app.example.com/cb"] } },
    });
    const server = await ok("POST", "/api/v1/authorizationServers", { name: "Fixture AS", audiences: ["api://fixture"] });
    const policy = (await ok("GET", `/api/v1/authorizationServers/${server.id}/policies`))[0] ?? { id: "00pNoSuchPolicy00000" };
    const brand = (await ok("GET", "/api/v1/brands"))[0];
    const theme = (await ok("GET", `/api/v1/brands/${brand.id}/themes`))[0];
    const zone = await ok("POST", "/api/v1/zones", { type: "IP", name: "Fixture zone", gateways: [{ type: "CIDR", value: "10.0.0.0/8" }] });
    const origin = await ok("POST", "/api/v1/trustedOrigins", { name: "Fixture origin", origin: "https://fixture.example.com", scopes: [{ type: "CORS" }] });
    const token = await createApiToken(f.db, { name: "Target token", userId: user.id }, f.clock.now);
    ids = {
      userId: user.id,
      groupId: group.id,
      appId: app.id,
      clientId: app.credentials?.oauthClient?.client_id ?? app.id,
      authServerId: server.id,
      policyId: policy.id,
      brandId: brand.id,
      themeId: theme.id,
      zoneId: zone.id,
      trustedOriginId: origin.id,
      apiTokenId: token.record.id,
    };
    for (const role of ROLE_TYPES) admins[role] = await createTestAdmin(f, [role], role);
  }, 120_000);
  afterAll(() => f.close());

  /** A concrete path for a pattern: the fixture's ids, or a well-formed unknown id (a 404 is an allowed answer). */
  const concrete = (pattern: string) => pattern.replace(/\[(\w+)\]/g, (_, name: string) => ids[name] ?? `${name}Unknown0000000`);

  const cases = Object.entries(ADMIN_ROUTE_PERMISSIONS).flatMap(([pattern, methods]) => Object.entries(methods).map(([method, requirement]) => ({ pattern, method, requirement: requirement! })));

  it.each(cases)("$method $pattern needs $requirement", async ({ pattern, method, requirement }) => {
    const call = async (role: RoleType) => {
      let token = admins[role].token;
      // revoking the token in use: each role spends a token of its own
      if (pattern === "/api-tokens/current") token = (await createApiToken(f.db, { name: "spent", userId: admins[role].id }, f.clock.now)).token;
      const withBody = method === "POST" || method === "PUT" || method === "PATCH";
      const res = await f.api(method, `${pattern.startsWith("/oauth2/") ? "" : "/api/v1"}${concrete(pattern)}`, withBody ? {} : undefined, { token });
      return { role, res, allowed: requirement === "self" || rolesAllow([role], requirement) };
    };
    // reads concurrently; writes one role after the other (a write an earlier role made leaves a 404 or a status error, which count as allowed)
    const answers = method === "GET" ? await Promise.all(ROLE_TYPES.map(call)) : [];
    if (method !== "GET") for (const role of ROLE_TYPES) answers.push(await call(role));
    // refused: 403 E0000006 exactly; allowed: anything but that, 401 or a server error (an operation's own 403, e.g. E0000038 for a user's status, is allowed)
    const refused = (res: { status: number; body?: { errorCode?: string } }) => res.status === 403 && res.body?.errorCode === "E0000006";
    const unexpected = answers
      .filter(({ res, allowed }) => (allowed ? refused(res) || res.status === 401 || res.status >= 500 : !refused(res)))
      .map(({ role, res }) => `${role}: ${res.status} ${res.text.slice(0, 200)}`);
    expect(unexpected).toEqual([]);
  });
});
