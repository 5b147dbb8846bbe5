import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { SUPER_ADMIN_USER } from "../support/admin-roles";
import { testProviders } from "../support/test-databases";
import { createTestAdmin } from "./role-test-actors";

describe.each(testProviders())("the last SUPER_ADMIN under concurrency on %s", (provider) => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());

  it("two super administrators removing each other's SUPER_ADMIN at once: one succeeds, one is refused", async () => {
    const first = await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER, select: { id: true } });
    const second = await createTestAdmin(f, ["SUPER_ADMIN"], "Second");
    const roleOf = async (userId: string) => (await f.db.roleAssignment.findFirstOrThrow({ where: { userId, type: "SUPER_ADMIN" } })).id;
    const [a, b] = await Promise.all([
      f.api("DELETE", `/api/v1/users/${second.id}/roles/${await roleOf(second.id)}`),
      f.api("DELETE", `/api/v1/users/${first.id}/roles/${await roleOf(first.id)}`, undefined, { token: second.token }),
    ]);
    expect([a.status, b.status].sort()).toEqual([204, 400]);
    expect(await f.db.roleAssignment.count({ where: { type: "SUPER_ADMIN" } })).toBe(1);
  });
});
