import type { RoleType } from "@/lib/admin-roles/role-types";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { newId } from "@/lib/ids/new-id";
import type { AdminFixture } from "../support/admin-fixture";
import { setUserRoles } from "../support/admin-roles";

export type TestAdmin = { id: string; login: string; token: string };

let counter = 0;

/** An ACTIVE user holding exactly `roles` (direct assignments), with an SSWS token of their own. */
export async function createTestAdmin(f: AdminFixture, roles: readonly RoleType[], name = `admin${++counter}`): Promise<TestAdmin> {
  const id = newId("user");
  const login = `${name.toLowerCase()}-${counter}@example.com`;
  const now = f.clock.now;
  await f.db.user.create({
    data: { id, status: "ACTIVE", login, loginLower: login, email: login, emailLower: login, profile: { login, email: login, firstName: name, lastName: "Tester" }, created: now, lastUpdated: now },
  });
  await setUserRoles(f.db, id, roles);
  const { token } = await createApiToken(f.db, { name: `${name} token`, userId: id }, now);
  return { id, login, token };
}
