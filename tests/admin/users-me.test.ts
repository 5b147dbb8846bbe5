import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { SUPER_ADMIN_USER, setUserRoles } from "../support/admin-roles";

describe.each(testProviders())("GET /api/v1/users/me on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("answers the API token's owner, exactly as GET /api/v1/users/:id does", async () => {
    const admin = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER });
    const me = await f.api("GET", "/api/v1/users/me");
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(admin.id);
    expect(me.body).toEqual((await f.api("GET", `/api/v1/users/${admin.id}`)).body);
  });

  it("with another admin's token, answers that admin", async () => {
    const created = await f.api("POST", "/api/v1/users?activate=true", { profile: { firstName: "Second", lastName: "Admin", email: "second@idp.test", login: "second@idp.test" }, credentials: { password: { value: "Correct-Horse-Battery-Staple-2" } } });
    expect(created.status, created.text).toBe(200);
    await setUserRoles(f.db, created.body.id, ["SUPER_ADMIN"]);
    const { token } = await createApiToken(f.db, { name: "second", userId: created.body.id }, f.clock.now);
    const me = await f.api("GET", "/api/v1/users/me", undefined, { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: created.body.id, profile: { login: "second@idp.test" } });
  });

  it("without a valid token is 401 E0000011", async () => {
    const anonymous = await f.api("GET", "/api/v1/users/me", undefined, { token: "bogusTokenValue_0123456789" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errorCode).toBe("E0000011");
  });
});
