import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, hashTokenBytes } from "@/lib/crypto/hash-token";
import { JWT_BEARER_ASSERTION_TYPE } from "@/lib/oauth/client-auth/read-client-credentials";
import { grantRevocationKey } from "@/lib/oauth/tokens/access-token-id";
import { REDIRECT_URI, TOKEN_URL, type TestApp, type TestUser } from "../oauth/token-fixture";
import { testProviders } from "../support/test-databases";
import { burst, BURST, createRaceFixture, expectAllInactive, statusCounts, type Instance, type RaceFixture } from "./race-fixture";

const ROUNDS = 3;

describe.each(testProviders())("single use under concurrency on %s", (provider) => {
  let r: RaceFixture;
  let web: TestApp;
  let jwtService: TestApp;
  let alice: TestUser;

  beforeAll(async () => {
    r = await createRaceFixture(provider);
    await r.scope("api:read");
    web = await r.app("Race Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] });
    jwtService = await r.app("Race JWT service", { application_type: "service" }, { token_endpoint_auth_method: "client_secret_jwt" });
    alice = await r.user("Alice");
    await r.assign(web.appId, alice.id);
  });
  afterAll(() => r.close());

  // Two database clients in one process are two pools on PostgreSQL; on SQLite they would wait for
  // each other's lock on the one thread (see refresh-token-races.test.ts).
  const modes: Array<[string, (i: number) => Instance]> = [
    ["one instance", () => r.instances[0]],
    ...(provider === "postgresql" ? [["split across two instances", (i: number) => r.split(i)] as [string, (i: number) => Instance]] : []),
  ];

  describe.each(modes)("%s", (_mode, via) => {
    it(`an authorization code exchanged ${BURST} times at once: one success; the replays revoke what it issued (RFC 6749 4.1.2) (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const code = await r.code({ clientId: web.clientId, userId: alice.id, scopes: ["offline_access"] });
        const answers = await burst(BURST, (i) => via(i).token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }, web));

        expect(statusCounts(answers), `round ${round}`).toEqual({ 200: 1, 400: BURST - 1 });
        for (const res of answers.filter((res) => res.status !== 200)) {
          expect(res.body).toEqual({ error: "invalid_grant", error_description: "The authorization code is invalid or has expired." });
        }
        const winner = answers.find((res) => res.status === 200)!;
        const stored = await r.f.db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashToken(code) } });
        const refresh = await r.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(winner.body.refresh_token) } });
        expect([refresh.familyId, refresh.status]).toEqual([stored.familyId, "REVOKED"]);
        expect(await r.f.db.revokedAccessToken.findUnique({ where: { jti: grantRevocationKey(stored.familyId!) } })).not.toBeNull();
        await expectAllInactive(r.instances[1], web, [winner.body.access_token, winner.body.refresh_token]);
      }
    });

    it(`a sessionToken redeemed ${BURST} times at once at /authorize: one code, every other request without a session (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        r.f.clock.advance(60_000); // a new minute: the per-username sign-in budget starts again
        const signedIn = await r.instances[0].authn(alice.login, alice.password, "203.0.113.10");
        expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
        const sessionToken = signedIn.body.sessionToken as string;
        const state = `round-${round}`;
        const query = { client_id: web.clientId, response_type: "code", scope: "openid", redirect_uri: REDIRECT_URI, state, prompt: "none", sessionToken };
        const answers = await burst(BURST, (i) => via(i).authorize(query));

        expect(answers.map((res) => [res.status, res.location?.origin + (res.location?.pathname ?? "")])).toEqual(answers.map(() => [302, REDIRECT_URI]));
        const outcomes = answers.map((res) => res.location!.searchParams);
        const withCode = outcomes.filter((params) => params.has("code"));
        expect(withCode).toHaveLength(1);
        expect(outcomes.filter((params) => params.get("error") === "login_required" && params.get("state") === state)).toHaveLength(BURST - 1);
        expect(await r.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(sessionToken) } })).toMatchObject({ consumed: expect.any(Date) });
        expect(await r.f.db.userSession.count({ where: { userId: alice.id, revoked: null, created: { gte: new Date(r.f.clock.now.getTime() - 1_000) } } })).toBe(1);
      }
    });

    it(`a client assertion sent ${BURST} times at once: one success, the others invalid_client (jti used once) (${ROUNDS} bursts)`, async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const iat = Math.floor(r.f.clock.now.getTime() / 1000);
        const claims = { iss: jwtService.clientId, sub: jwtService.clientId, aud: TOKEN_URL, iat, exp: iat + 300, jti: `race-${provider}-${round}-${crypto.randomUUID()}` };
        const assertion = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(jwtService.clientSecret!));
        const fields = { grant_type: "client_credentials", scope: "api:read", client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion };
        const answers = await burst(BURST, (i) => via(i).token(fields));

        expect(statusCounts(answers), `round ${round}`).toEqual({ 200: 1, 401: BURST - 1 });
        for (const res of answers.filter((res) => res.status !== 200)) {
          expect(res.body).toEqual({ error: "invalid_client", error_description: "The client_assertion token has already been used." });
        }
      }
    });
  });
});
