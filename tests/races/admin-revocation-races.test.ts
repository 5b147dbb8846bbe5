import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTokenBytes } from "@/lib/crypto/hash-token";
import { MAX_GRACE_SIBLINGS } from "@/lib/oauth/issue/rotate-refresh-token";
import { grantRevocationKey } from "@/lib/oauth/tokens/access-token-id";
import { testProviders } from "../support/test-databases";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";
import { burst, BURST, createRaceFixture, expectAllInactive, type Answer, type Instance, type RaceFixture } from "./race-fixture";

const INVALID = { error: "invalid_grant", error_description: "The refresh token is invalid or expired." };
const ROUNDS = 5;

type Family = { refreshToken: string; accessToken: string; familyId: string; rootId: string };

/**
 * The management API's revocations (a client's tokens, one token's grant, a user's grants through
 * a lifecycle change) racing grace reuses of the same family: each takes the family's lock like
 * /v1/revoke, so no token a rotation mints while it runs survives it.
 */
describe.each(testProviders())("management API revocations racing refresh-token rotations on %s", (provider) => {
  let r: RaceFixture;
  let web: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    r = await createRaceFixture(provider);
    web = await r.app("Admin Race Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] });
    alice = await r.user("Alice");
    await r.assign(web.appId, alice.id);
    await r.setOrgSettings({ refreshTokenGraceSeconds: 30 });
  });
  afterAll(() => r.close());

  async function startFamily(): Promise<Family> {
    const code = await r.code({ clientId: web.clientId, userId: alice.id, scopes: ["offline_access"] });
    const res = await r.instances[0].token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }, web);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await r.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(res.body.refresh_token) } });
    return { refreshToken: res.body.refresh_token, accessToken: res.body.access_token, familyId: row.familyId, rootId: row.id };
  }

  const refreshOn = (via: Instance, token: string) => via.token({ grant_type: "refresh_token", refresh_token: token }, web);
  const successes = (answers: readonly Answer[]) => answers.filter((res) => res.status === 200);
  const mintedBy = (answers: readonly Answer[]) => successes(answers).flatMap((res) => [res.body.refresh_token as string, res.body.access_token as string]);
  /** An admin call through its route (the first instance's database client), as an Answer. */
  const admin = async (method: string, path: string): Promise<Answer> => {
    const res = await r.f.api(method, path);
    return { status: res.status, body: res.body, location: null };
  };
  const tokensPath = () => `/api/v1/authorizationServers/default/clients/${web.clientId}/tokens`;

  const modes: Array<[string, (i: number) => Instance]> = [
    ["one instance", () => r.instances[0]],
    ...(provider === "postgresql" ? [["the refreshes split across two instances", (i: number) => r.split(i)] as [string, (i: number) => Instance]] : []),
  ];

  const revocations: Array<[string, (family: Family) => Promise<Answer>, number, () => Promise<void>]> = [
    ["DELETE …/clients/:clientId/tokens", () => admin("DELETE", tokensPath()), 204, async () => {}],
    ["DELETE …/clients/:clientId/tokens/:tokenId", (family) => admin("DELETE", `${tokensPath()}/${family.rootId}`), 204, async () => {}],
    [
      "suspending the user",
      () => admin("POST", `/api/v1/users/${alice.id}/lifecycle/suspend`),
      200,
      async () => {
        expect((await admin("POST", `/api/v1/users/${alice.id}/lifecycle/unsuspend`)).status).toBe(200);
      },
    ],
  ];

  describe.each(modes)("%s", (_mode, via) => {
    it.each(revocations)(`%s racing a burst of ${BURST - 1} grace reuses: no token minted from the family survives it (${ROUNDS} bursts)`, async (_what, revoke, status, undo) => {
      for (let round = 0; round < ROUNDS; round++) {
        const start = await startFamily();
        // the original is rotated first, so the burst is all grace reuses racing the revocation
        const first = await refreshOn(via(0), start.refreshToken);
        expect(first.status).toBe(200);
        const revokeAt = (round * 7) % BURST;
        const answers = await burst(BURST, (i) => (i === revokeAt ? revoke(start) : refreshOn(via(i), start.refreshToken)));

        expect(answers[revokeAt]!.status, JSON.stringify(answers[revokeAt]!.body)).toBe(status);
        const refreshes = answers.filter((_, i) => i !== revokeAt);
        expect(successes(refreshes).length).toBeLessThanOrEqual(MAX_GRACE_SIBLINGS);
        for (const res of refreshes.filter((res) => res.status !== 200)) expect(res.body).toEqual(INVALID);
        const rows = await r.f.db.refreshToken.findMany({ where: { familyId: start.familyId } });
        expect(rows).toHaveLength(2 + successes(refreshes).length);
        expect(rows.filter((row) => row.status !== "REVOKED"), `round ${round}`).toEqual([]);
        expect(await r.f.db.revokedAccessToken.findUnique({ where: { jti: grantRevocationKey(start.familyId) } })).not.toBeNull();
        await expectAllInactive(r.instances[1], web, [start.accessToken, first.body.refresh_token, first.body.access_token, ...mintedBy(refreshes)]);
        await undo();
      }
    });
  });
});
