import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/admin/admin-request";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";

// The access token's verification is the mgmt-oauth helper's (lib/admin/authenticate-bearer-token.ts);
// here a token stands for the actor it names, so the pipeline's scope checks are tested on their own.
const bearerActors = new Map<string, Actor>();
vi.mock("@/lib/admin/authenticate-bearer-token", async () => {
  const { invalidTokenError } = await import("@/lib/okta-api/admin-api-error");
  return {
    authenticateBearerToken: async (_app: unknown, token: string) => {
      const actor = bearerActors.get(token);
      if (!actor) throw invalidTokenError();
      return actor;
    },
  };
});

describe.each(testProviders())("OAuth 2.0 access tokens at /api/v1 on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    const admin = await f.db.user.findFirstOrThrow({ select: { id: true, login: true } });
    const base = { userId: admin.id, login: admin.login, displayName: "Admin User", apiTokenId: "oauth" };
    bearerActors.set("users-read", { ...base, roles: ["SUPER_ADMIN"], scopes: ["okta.users.read"] });
    bearerActors.set("groups-manage-readonly", { ...base, roles: ["READ_ONLY_ADMIN"], scopes: ["okta.groups.manage"] });
  });
  afterAll(() => f.close());

  const bearer = (token: string) => ({ token: null, headers: { Authorization: `Bearer ${token}` } });

  it("needs one of the route permission's scopes: else 403 E0000006 with WWW-Authenticate insufficient_scope (RFC 6750 3.1)", async () => {
    expect((await f.api("GET", "/api/v1/users", undefined, bearer("users-read"))).status).toBe(200);
    const write = await f.api("POST", "/api/v1/users", {}, bearer("users-read"));
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="okta.users.manage"');
    expect(write.body).toMatchObject({ errorCode: "E0000006", errorCauses: [{ errorSummary: "The access token lacks the scope okta.users.manage." }] });
    const groups = await f.api("GET", "/api/v1/groups", undefined, bearer("users-read"));
    expect(groups.status).toBe(403);
    expect(groups.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="okta.groups.read"');
    const events = await readLogEvents(f.db, { where: { eventType: "core.user.admin_privilege.denied" } });
    expect(events).toHaveLength(2);
  });

  it("a scope never exceeds the principal's roles: okta.groups.manage on a READ_ONLY_ADMIN reads, does not write", async () => {
    expect((await f.api("GET", "/api/v1/groups", undefined, bearer("groups-manage-readonly"))).status).toBe(200);
    const write = await f.api("POST", "/api/v1/groups", { profile: { name: "Nope" } }, bearer("groups-manage-readonly"));
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toBeNull();
    expect(await f.db.group.count({ where: { name: "Nope" } })).toBe(0);
  });

  it("an unknown bearer token is 401 E0000011", async () => {
    const res = await f.api("GET", "/api/v1/users", undefined, bearer("unknown"));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ errorCode: "E0000011" });
  });
});
