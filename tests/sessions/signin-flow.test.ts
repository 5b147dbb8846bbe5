import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionToken } from "@/lib/sessions/session-tokens";
import { authenticatePerson } from "@/lib/signin/authenticate-person";
import { SIGNIN_RATE_LIMITS } from "@/lib/signin/check-credentials";
import { redeemSessionToken } from "@/lib/signin/redeem-session-token";
import { startSession, type StartSessionInput } from "@/lib/signin/start-session";
import { ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { createSessionFixture, type SessionFixture } from "./session-fixture";

const BROWSER = { ipAddress: "203.0.113.7", userAgent: "signin-flow-test" };

/** A password sign-in of a browser no factor is asked of: authenticatePerson, then startSession (what the hosted page's advanceSignIn does when the step is "done"). */
async function signInBrowser(db: Parameters<typeof startSession>[0], input: { proof: Parameters<typeof authenticatePerson>[1]["proof"]; browser: StartSessionInput["browser"]; now: Date; orgUrl: string }) {
  const result = await authenticatePerson(db, { proof: input.proof, ipAddress: input.browser.ipAddress, userAgent: input.browser.userAgent, now: input.now });
  if (!result.ok) return result;
  return { ok: true as const, session: await startSession(db, { person: { userId: result.user.id, amr: result.amr }, browser: input.browser, now: input.now, orgUrl: input.orgUrl }) };
}

describe.each(testProviders())("the sign-in flow (lib/signin) on %s", (provider) => {
  let s: SessionFixture;
  beforeAll(async () => {
    s = await createSessionFixture(provider);
  });
  afterAll(() => s.f.close());

  const now = () => s.f.clock.now;
  const sessionsOf = (userId: string) => s.f.db.userSession.findMany({ where: { userId }, select: { id: true, revoked: true, amr: true }, orderBy: { created: "asc" } });

  it("authenticatePerson: the password step answers the user and amr [pwd], or the refusal, and starts no session", async () => {
    const user = await s.user("auth-person");
    const ok = await authenticatePerson(s.f.db, { proof: { kind: "password", username: user.login.toUpperCase(), password: user.password }, ...BROWSER, now: now() });
    expect(ok).toEqual({ ok: true, user: { id: user.id, login: user.login, profile: expect.objectContaining({ login: user.login }) }, amr: ["pwd"] });
    const wrong = await authenticatePerson(s.f.db, { proof: { kind: "password", username: user.login, password: "wrong" }, ...BROWSER, now: now() });
    expect(wrong).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS", lockedOut: false, detail: "INVALID_CREDENTIALS: wrong password" });
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it("authenticatePerson then startSession: authenticates, then starts a session that replaces the browser's previous one; a refusal starts none", async () => {
    const user = await s.user("browser");
    const first = await signInBrowser(s.f.db, { proof: { kind: "password", username: user.login, password: user.password }, browser: { ...BROWSER, cookieHeader: null }, now: now(), orgUrl: ORG_URL });
    if (!first.ok) throw new Error(first.detail);
    expect(first.session.cookie).toMatch(/^sid=[A-Za-z0-9_-]{43}; /);
    expect(first.session.session).toMatchObject({ userId: user.id, login: user.login, amr: ["pwd"], authTime: now() });

    const second = await signInBrowser(s.f.db, { proof: { kind: "password", username: user.login, password: user.password }, browser: { ...BROWSER, cookieHeader: `sid=${first.session.cookieValue}` }, now: now(), orgUrl: ORG_URL });
    if (!second.ok) throw new Error(second.detail);
    expect(await sessionsOf(user.id)).toEqual([
      { id: first.session.session.id, revoked: now(), amr: ["pwd"] },
      { id: second.session.session.id, revoked: null, amr: ["pwd"] },
    ]);

    const refused = await signInBrowser(s.f.db, { proof: { kind: "password", username: user.login, password: "wrong" }, browser: { ...BROWSER, cookieHeader: `sid=${second.session.cookieValue}` }, now: now(), orgUrl: ORG_URL });
    expect(refused).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect((await sessionsOf(user.id)).map((row) => row.revoked)).toEqual([now(), null]);
  });

  it("redeemSessionToken: once, into a session with amr [pwd]; a used or unknown token starts nothing", async () => {
    const user = await s.user("token");
    const { sessionToken } = await createSessionToken(s.f.db, { userId: user.id, now: now() });
    const browser = { ...BROWSER, cookieHeader: null };
    const created = await redeemSessionToken(s.f.db, sessionToken, { browser, now: now(), orgUrl: ORG_URL });
    expect(created?.session).toMatchObject({ userId: user.id, amr: ["pwd"] });
    expect(await redeemSessionToken(s.f.db, sessionToken, { browser, now: now(), orgUrl: ORG_URL })).toBeNull();
    expect(await redeemSessionToken(s.f.db, "not-a-token", { browser, now: now(), orgUrl: ORG_URL })).toBeNull();
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("every credential check counts against the one per-username limit, whichever function made it", async () => {
    s.f.clock.advance(SIGNIN_RATE_LIMITS.windowSeconds * 1000);
    const username = "nobody-at-all@example.com";
    const attempt = (i: number) =>
      i % 2 === 0
        ? authenticatePerson(s.f.db, { proof: { kind: "password", username, password: "x" }, ...BROWSER, ipAddress: `198.51.100.${i}`, now: now() })
        : signInBrowser(s.f.db, { proof: { kind: "password", username, password: "x" }, browser: { ...BROWSER, ipAddress: `198.51.100.${i}`, cookieHeader: null }, now: now(), orgUrl: ORG_URL });
    for (let i = 0; i < SIGNIN_RATE_LIMITS.perUsername; i++) expect(await attempt(i)).toMatchObject({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await attempt(SIGNIN_RATE_LIMITS.perUsername)).toMatchObject({ ok: false, reason: "RATE_LIMITED" });
  });
});
