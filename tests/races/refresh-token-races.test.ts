import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTokenBytes } from "@/lib/crypto/hash-token";
import { MAX_GRACE_SIBLINGS } from "@/lib/oauth/issue/rotate-refresh-token";
import { grantRevocationKey } from "@/lib/oauth/tokens/access-token-id";
import { testProviders } from "../support/test-databases";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";
import { burst, BURST, createRaceFixture, expectAllInactive, statusCounts, type Answer, type Instance, type RaceFixture } from "./race-fixture";

const INVALID = { error: "invalid_grant", error_description: "The refresh token is invalid or expired." };
const ROUNDS = 5;

describe.each(testProviders())("refresh token races on %s", (provider) => {
  let r: RaceFixture;
  let web: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    r = await createRaceFixture(provider);
    web = await r.app("Race Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] });
    alice = await r.user("Alice");
    await r.assign(web.appId, alice.id);
  });
  afterAll(() => r.close());

  /** A new grant with a refresh token (a code exchange), its family id, and its access token. */
  async function startFamily(): Promise<{ refreshToken: string; accessToken: string; familyId: string; rootId: string }> {
    const code = await r.code({ clientId: web.clientId, userId: alice.id, scopes: ["offline_access"] });
    const res = await r.instances[0].token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }, web);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await r.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(res.body.refresh_token) } });
    return { refreshToken: res.body.refresh_token, accessToken: res.body.access_token, familyId: row.familyId, rootId: row.id };
  }

  const refreshOn = (via: Instance, token: string) => via.token({ grant_type: "refresh_token", refresh_token: token }, web);
  /** The family's tokens, the root first (the fixed clock gives them one creation time). */
  const family = async (familyId: string) => (await r.f.db.refreshToken.findMany({ where: { familyId } })).sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  const successes = (answers: readonly Answer[]) => answers.filter((res) => res.status === 200);
  const mintedBy = (answers: readonly Answer[]) => successes(answers).flatMap((res) => [res.body.refresh_token as string, res.body.access_token as string]);

  // Two instances are two database clients in this process: real for PostgreSQL (two pools). Two
  // SQLite connections in one process would wait for each other's lock synchronously, on the one
  // thread that has to release it; processes sharing a file are e2e/two-instances.spec.ts's job.
  const modes: Array<[string, (i: number) => Instance]> = [
    ["one instance", () => r.instances[0]],
    ...(provider === "postgresql" ? [["split across two instances", (i: number) => r.split(i)] as [string, (i: number) => Instance]] : []),
  ];

  describe.each(modes)("grace period 0, %s", (_mode, via) => {
    beforeAll(() => r.setOrgSettings({ refreshTokenGraceSeconds: 0 }));

    it(`${BURST} parallel uses of one refresh token: exactly one succeeds, the others are reuse and revoke everything minted (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const start = await startFamily();
        const answers = await burst(BURST, (i) => refreshOn(via(i), start.refreshToken));

        expect(statusCounts(answers), `round ${round}`).toEqual({ 200: 1, 400: BURST - 1 });
        for (const res of answers.filter((res) => res.status !== 200)) expect(res.body).toEqual(INVALID);
        // the winner's successor and the root: one mint only, and the reuse revoked both
        const rows = await family(start.familyId);
        expect(rows.map((row) => [row.parentId, row.status])).toEqual([
          [null, "REVOKED"],
          [start.rootId, "REVOKED"],
        ]);
        expect(await r.f.db.revokedAccessToken.findUnique({ where: { jti: grantRevocationKey(start.familyId) } })).not.toBeNull();
        await expectAllInactive(r.instances[1], web, [start.refreshToken, start.accessToken, ...mintedBy(answers)]);
      }
    });
  });

  describe.each(modes)("grace period 30 s, %s", (_mode, via) => {
    beforeAll(() => r.setOrgSettings({ refreshTokenGraceSeconds: 30 }));

    it(`${BURST} parallel uses: one rotation and ${MAX_GRACE_SIBLINGS} counted siblings in the same family, the rest refused; a reuse after the grace period revokes all of them`, async () => {
      const start = await startFamily();
      const answers = await burst(BURST, (i) => refreshOn(via(i), start.refreshToken));

      expect(statusCounts(answers)).toEqual({ 200: 1 + MAX_GRACE_SIBLINGS, 400: BURST - 1 - MAX_GRACE_SIBLINGS });
      for (const res of answers.filter((res) => res.status !== 200)) expect(res.body).toEqual(INVALID);
      const rows = await family(start.familyId);
      expect(rows.map((row) => [row.parentId, row.status])).toEqual([[null, "ROTATED"], ...Array.from({ length: 1 + MAX_GRACE_SIBLINGS }, () => [start.rootId, "ACTIVE"])]);
      expect(await r.f.db.refreshTokenFamily.findUnique({ where: { id: start.familyId } })).toMatchObject({ lastRotatedId: start.rootId, graceSiblings: MAX_GRACE_SIBLINGS, revoked: null });
      const issued = successes(answers).map((res) => res.body.refresh_token as string);
      const active = await Promise.all(issued.map((token) => r.instances[1].introspect(token, web)));
      expect(active.map((res) => res.body.active)).toEqual(issued.map(() => true));

      r.f.clock.advance(30_000);
      expect((await refreshOn(via(1), start.refreshToken)).body).toEqual(INVALID);
      expect((await family(start.familyId)).map((row) => row.status)).toEqual(rows.map(() => "REVOKED"));
      await expectAllInactive(r.instances[0], web, [start.accessToken, ...mintedBy(answers)]);
    });

    it(`a revocation racing a burst of ${BURST - 1} grace reuses: no token minted from the family survives it (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const start = await startFamily();
        // the original is rotated first, so the burst is all grace reuses racing the revocation
        const first = await refreshOn(via(0), start.refreshToken);
        expect(first.status).toBe(200);
        const revokeAt = (round * 7) % BURST;
        const answers = await burst(BURST, (i) => (i === revokeAt ? via(i).revoke(start.refreshToken, web) : refreshOn(via(i), start.refreshToken)));

        expect(answers[revokeAt]).toMatchObject({ status: 200, body: undefined });
        const refreshes = answers.filter((_, i) => i !== revokeAt);
        expect(successes(refreshes).length).toBeLessThanOrEqual(MAX_GRACE_SIBLINGS);
        for (const res of refreshes.filter((res) => res.status !== 200)) expect(res.body).toEqual(INVALID);
        const rows = await family(start.familyId);
        expect(rows).toHaveLength(2 + successes(refreshes).length);
        expect(rows.filter((row) => row.status !== "REVOKED")).toEqual([]);
        await expectAllInactive(r.instances[1], web, [start.accessToken, first.body.refresh_token, first.body.access_token, ...mintedBy(refreshes)]);
      }
    });
  });

  describe("grace period 30 s: only the token rotated last may be presented again", () => {
    beforeAll(() => r.setOrgSettings({ refreshTokenGraceSeconds: 30 }));

    it("once its successor was rotated too, the older token is a reuse within the grace period, and the family dies", async () => {
      const start = await startFamily();
      const second = await refreshOn(r.instances[0], start.refreshToken);
      const third = await refreshOn(r.instances[1], second.body.refresh_token);
      expect([second.status, third.status]).toEqual([200, 200]);
      r.f.clock.advance(1_000);
      const mark = await r.mark();
      expect(await refreshOn(r.instances[0], start.refreshToken)).toMatchObject({ status: 400, body: INVALID });
      expect((await family(start.familyId)).map((row) => row.status)).toEqual(["REVOKED", "REVOKED", "REVOKED"]);
      const [event] = await r.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect(event).toMatchObject({
        outcomeResult: "FAILURE",
        outcomeReason: `REFRESH_TOKEN_REUSE: a rotated refresh token was used after a later token of its family was rotated; grant ${start.familyId} revoked`,
      });
    });
  });
});
