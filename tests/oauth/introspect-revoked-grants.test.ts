import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { assignUser, createTestClient, createTestUser, introspect, mintUserGrant, revoke, type TestClient, type TestUser } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";

const INACTIVE = { active: false };
const SCOPES = ["openid", "offline_access"];

type Grant = Awaited<ReturnType<typeof mintUserGrant>>;
type Parties = { f: AdminFixture; app: TestClient; user: TestUser; grant: Grant };

/**
 * Every way a grant is revoked kills the access tokens minted from it (revokeGrant), not only its
 * refresh tokens, as Okta's revocation of a user's grants or a client's tokens does: introspection
 * of such an access token answers {active: false} at once, and keeps doing so after whatever caused
 * the revocation is undone (a re-assignment, an unsuspension, a re-activation), because the grant
 * stays revoked. The protocol revocation, the management API's client-token revocations, and the
 * implicit revocations of the Apps and Users APIs (which the dashboard runs too) all go through it.
 */
describe.each(testProviders())("a revoked grant's access tokens on %s", (provider) => {
  let f: AdminFixture;
  let counter = 0;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
  });
  afterAll(() => f.close());
  beforeEach(() => {
    resetServerSnapshotCache();
    f.clock.advance(60_000);
  });

  const active = async (app: TestClient, token: string) => {
    const res = await introspect(app, { token });
    expect(res.status).toBe(200);
    if (!res.body.active) expect(res.body).toEqual(INACTIVE);
    return res.body.active as boolean;
  };

  const expectStatus = async (call: Promise<{ status: number }>, status: number) => expect((await call).status).toBe(status);

  it.each<[string, (p: Parties) => Promise<void>]>([
    ["the client revokes the refresh token (POST /v1/revoke)", async ({ app, grant }) => expect((await revoke(app, { token: grant.refresh.token })).status).toBe(200)],
    ["the admin revokes the refresh token (DELETE /api/v1/authorizationServers/:id/clients/:clientId/tokens/:tokenId)", async ({ f, app, grant }) => expectStatus(f.api("DELETE", `/api/v1/authorizationServers/default/clients/${app.clientId}/tokens/${grant.refresh.id}`), 204)],
    ["the admin revokes all the client's tokens (DELETE /api/v1/authorizationServers/:id/clients/:clientId/tokens)", async ({ f, app }) => expectStatus(f.api("DELETE", `/api/v1/authorizationServers/default/clients/${app.clientId}/tokens`), 204)],
    [
      "the user is unassigned from the app, then assigned again",
      async ({ f, app, user }) => {
        await expectStatus(f.api("DELETE", `/api/v1/apps/${app.appId}/users/${user.id}`), 204);
        await assignUser(f, app, user);
      },
    ],
    [
      "the user is suspended, then unsuspended",
      async ({ f, user }) => {
        await expectStatus(f.api("POST", `/api/v1/users/${user.id}/lifecycle/suspend`), 200);
        await expectStatus(f.api("POST", `/api/v1/users/${user.id}/lifecycle/unsuspend`), 200);
      },
    ],
    [
      "the app is deactivated, then activated again",
      async ({ f, app }) => {
        await expectStatus(f.api("POST", `/api/v1/apps/${app.appId}/lifecycle/deactivate`), 200);
        await expectStatus(f.api("POST", `/api/v1/apps/${app.appId}/lifecycle/activate`), 200);
      },
    ],
  ])("%s: the grant's access token is inactive; other grants and later ones are active", async (_how, revokeIt) => {
    counter++;
    const app = await createTestClient(f, `Grant App ${counter}`);
    const user = await createTestUser(f, `GrantUser${counter}`, [app]);
    const bystanderApp = await createTestClient(f, `Bystander App ${counter}`);
    const bystanderUser = await createTestUser(f, `Bystander${counter}`, [bystanderApp]);
    f.clock.advance(60_000);
    const grant = await mintUserGrant(f, { client: app, user, scopes: SCOPES });
    const bystander = await mintUserGrant(f, { client: bystanderApp, user: bystanderUser, scopes: SCOPES });
    expect(await active(app, grant.access.token)).toBe(true);
    expect(await active(app, grant.refresh.token)).toBe(true);

    await revokeIt({ f, app, user, grant });
    f.clock.advance(1000);

    expect(await active(app, grant.access.token)).toBe(false);
    expect(await active(app, grant.refresh.token)).toBe(false);
    expect(await active(bystanderApp, bystander.access.token)).toBe(true);
    expect(await active(bystanderApp, bystander.refresh.token)).toBe(true);
    const later = await mintUserGrant(f, { client: app, user, scopes: SCOPES });
    expect(await active(app, later.access.token)).toBe(true);
    expect(await active(app, later.refresh.token)).toBe(true);
  });
});
