import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { hashToken } from "@/lib/crypto/hash-token";
import { createSession } from "@/lib/sessions/create-session";
import { endSession } from "@/lib/sessions/end-session";
import { readSession } from "@/lib/sessions/read-session";
import { consumeSessionToken, createSessionToken } from "@/lib/sessions/session-tokens";
import { ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import type { TestUser } from "../oauth/token-fixture";
import { createSessionFixture, TRUSTED, type SessionFixture } from "./session-fixture";

const MINUTE = 60_000;

describe.each(testProviders())("sessions (lib/sessions) on %s", (provider) => {
  let s: SessionFixture;
  let alice: TestUser;
  const now = () => s.f.clock.now;
  const at = (ms: number) => new Date(now().getTime() + ms);

  beforeAll(async () => {
    s = await createSessionFixture(provider);
    alice = await s.user("Alice");
  });
  afterAll(() => s.f.close());

  describe("createSession", () => {
    it("stores only the cookie's SHA-256, a 102 id, the org's timeouts, and logs user.session.start", async () => {
      const mark = await s.mark();
      const created = await createSession(s.f.db, { userId: alice.id, amr: ["pwd"], ipAddress: "203.0.113.1", userAgent: "UA/2", now: now(), orgUrl: ORG_URL });
      expect(created.cookieValue).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(created.cookie).toBe(`sid=${created.cookieValue}; Max-Age=86400; Path=/; HttpOnly; SameSite=Lax`);
      expect(created.session).toEqual({ id: expect.stringMatching(/^102[A-Za-z0-9]{17}$/), userId: alice.id, login: alice.login, authTime: now(), amr: ["pwd"], factorVerifiedAt: null, idleExpiresAt: at(120 * MINUTE), expiresAt: at(1440 * MINUTE) });
      const row = await s.f.db.userSession.findUniqueOrThrow({ where: { id: created.session.id } });
      expect(row).toMatchObject({ tokenHash: hashToken(created.cookieValue), userId: alice.id, authTime: now(), amr: ["pwd"], ipAddress: "203.0.113.1", userAgent: "UA/2", lastSeen: now(), revoked: null });
      expect(await s.f.db.userSession.count({ where: { tokenHash: created.cookieValue } })).toBe(0);
      const [event, ...more] = await s.events("user.session.start", mark);
      expect(more).toEqual([]);
      expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: { id: alice.id, type: "User", alternateId: alice.login } });
    });

    it("an https org gets a Secure; SameSite=None cookie", async () => {
      const created = await createSession(s.f.db, { userId: alice.id, amr: ["pwd"], ipAddress: null, userAgent: null, now: now(), orgUrl: "https://id.example.com" });
      expect(created.cookie).toBe(`sid=${created.cookieValue}; Max-Age=86400; Path=/; HttpOnly; Secure; SameSite=None`);
    });

    it("uses the org's session settings; the idle expiry never passes the absolute one", async () => {
      await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, sessionIdleMinutes: 90, sessionMaxMinutes: 60 } } });
      try {
        const created = await createSession(s.f.db, { userId: alice.id, amr: ["pwd"], ipAddress: null, userAgent: null, now: now(), orgUrl: ORG_URL });
        expect(created.session).toMatchObject({ idleExpiresAt: at(60 * MINUTE), expiresAt: at(60 * MINUTE) });
        expect(created.cookie).toContain("Max-Age=3600;");
      } finally {
        await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: DEFAULT_ORG_SETTINGS } });
      }
    });

    it("rotates: the session of the previous cookie is revoked, whoever it belonged to", async () => {
      const bob = await s.user("Bob");
      const before = await s.signIn(bob);
      const after = await createSession(s.f.db, { userId: alice.id, amr: ["pwd"], ipAddress: null, userAgent: null, now: now(), orgUrl: ORG_URL, previousCookieValue: before });
      expect(await readSession(s.f.db, before, now())).toBeNull();
      expect(await s.f.db.userSession.findUniqueOrThrow({ where: { tokenHash: hashToken(before) } })).toMatchObject({ revoked: now() });
      expect((await readSession(s.f.db, after.cookieValue, now()))?.userId).toBe(alice.id);
    });

    it.each(["SUSPENDED", "STAGED"])("refuses a %s user (a programming error)", async (status) => {
      const user = await s.user(`Create${status}`);
      await s.f.db.user.update({ where: { id: user.id }, data: { status } });
      await expect(createSession(s.f.db, { userId: user.id, amr: ["pwd"], ipAddress: null, userAgent: null, now: now(), orgUrl: ORG_URL })).rejects.toThrow(/not an ACTIVE user/);
    });
  });

  describe("readSession", () => {
    it("null for no cookie, an unknown cookie or a revoked session", async () => {
      expect(await readSession(s.f.db, null, now())).toBeNull();
      expect(await readSession(s.f.db, "A".repeat(43), now())).toBeNull();
      const cookie = await s.signIn(alice);
      const session = (await readSession(s.f.db, cookie, now()))!;
      await endSession(s.f.db, session.id, now());
      expect(await readSession(s.f.db, cookie, now())).toBeNull();
    });

    it("slides the idle expiry, writing at most once a minute, never past the absolute expiry", async () => {
      const cookie = await s.signIn(alice);
      const start = now();
      const row = () => s.f.db.userSession.findUniqueOrThrow({ where: { tokenHash: hashToken(cookie) } });
      s.f.clock.advance(59_000);
      expect((await readSession(s.f.db, cookie, now()))!.idleExpiresAt).toEqual(new Date(start.getTime() + 120 * MINUTE));
      expect((await row()).lastSeen).toEqual(start); // no write within the minute
      s.f.clock.advance(1_000);
      expect((await readSession(s.f.db, cookie, now()))!.idleExpiresAt).toEqual(at(120 * MINUTE));
      expect(await row()).toMatchObject({ lastSeen: now(), idleExpiresAt: at(120 * MINUTE) });
      // keep using it every 100 minutes: alive until the absolute expiry (24 h), then gone
      for (let i = 0; i < 14; i++) {
        s.f.clock.advance(100 * MINUTE);
        expect(await readSession(s.f.db, cookie, now()), `after ${i + 1} x 100 min`).not.toBeNull();
      }
      const last = (await row()).idleExpiresAt;
      expect(last).toEqual(new Date(start.getTime() + 1440 * MINUTE)); // clamped to the absolute expiry
      s.f.clock.advance(last.getTime() - now().getTime());
      expect(await readSession(s.f.db, cookie, now())).toBeNull();
    });

    it("idle timeout: unused for sessionIdleMinutes -> null", async () => {
      const cookie = await s.signIn(alice);
      s.f.clock.advance(120 * MINUTE - 1);
      expect(await readSession(s.f.db, cookie, now())).not.toBeNull();
      s.f.clock.advance(120 * MINUTE);
      expect(await readSession(s.f.db, cookie, now())).toBeNull();
    });

    it.each(["SUSPENDED", "LOCKED_OUT", "DEPROVISIONED"])("null while the user is %s", async (status) => {
      const user = await s.user(`Read${status}`);
      const cookie = await s.signIn(user);
      await s.f.db.user.update({ where: { id: user.id }, data: { status } });
      expect(await readSession(s.f.db, cookie, now())).toBeNull();
    });

    it("a session ended elsewhere is not revived by a concurrent slide", async () => {
      const cookie = await s.signIn(alice);
      s.f.clock.advance(MINUTE);
      const session = await s.f.db.userSession.findUniqueOrThrow({ where: { tokenHash: hashToken(cookie) } });
      await s.f.db.userSession.update({ where: { id: session.id }, data: { revoked: now() } });
      expect(await readSession(s.f.db, cookie, now())).toBeNull();
      expect((await s.f.db.userSession.findUniqueOrThrow({ where: { id: session.id } })).revoked).toEqual(now());
    });
  });

  describe("endSession", () => {
    it("revokes and logs user.session.end once; ending again is a no-op", async () => {
      const cookie = await s.signIn(alice);
      const session = (await readSession(s.f.db, cookie, now()))!;
      const mark = await s.mark();
      await endSession(s.f.db, session.id, now(), { client: { ipAddress: "203.0.113.5", userAgent: "UA" }, debug: { via: "test" } });
      await endSession(s.f.db, session.id, now());
      await endSession(s.f.db, "102doesNotExist00000", now());
      const events = await s.events("user.session.end", mark);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ outcomeResult: "SUCCESS", actor: { id: alice.id, type: "User", alternateId: alice.login }, debugContext: { debugData: { via: "test" } } });
    });
  });

  describe("session tokens", () => {
    it("five minutes, stored hashed, redeemed once", async () => {
      const { sessionToken, expiresAt } = await createSessionToken(s.f.db, { userId: alice.id, now: now() });
      expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(expiresAt).toEqual(at(5 * MINUTE));
      expect(await s.f.db.sessionToken.findUnique({ where: { tokenHash: sessionToken } })).toBeNull();
      expect(await consumeSessionToken(s.f.db, sessionToken, now())).toEqual({ userId: alice.id, amr: ["pwd"], factorVerifiedAt: null });
      expect(await consumeSessionToken(s.f.db, sessionToken, now())).toBeNull();
      expect(await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(sessionToken) } })).toMatchObject({ consumed: now() });
    });

    it("concurrent redemptions: exactly one wins", async () => {
      const { sessionToken } = await createSessionToken(s.f.db, { userId: alice.id, now: now() });
      const results = await Promise.all(Array.from({ length: 8 }, () => consumeSessionToken(s.f.db, sessionToken, now())));
      expect(results.filter((result) => result !== null)).toEqual([{ userId: alice.id, amr: ["pwd"], factorVerifiedAt: null }]);
    });

    it("expires after five minutes (fixed clock)", async () => {
      const first = await createSessionToken(s.f.db, { userId: alice.id, now: now() });
      const second = await createSessionToken(s.f.db, { userId: alice.id, now: now() });
      s.f.clock.advance(5 * MINUTE - 1);
      expect(await consumeSessionToken(s.f.db, first.sessionToken, now())).toEqual({ userId: alice.id, amr: ["pwd"], factorVerifiedAt: null });
      s.f.clock.advance(1);
      expect(await consumeSessionToken(s.f.db, second.sessionToken, now())).toBeNull();
    });

    it("unknown, empty or oversized tokens, and tokens of users no longer ACTIVE: null", async () => {
      expect(await consumeSessionToken(s.f.db, "nope", now())).toBeNull();
      expect(await consumeSessionToken(s.f.db, "", now())).toBeNull();
      expect(await consumeSessionToken(s.f.db, "x".repeat(10_000), now())).toBeNull();
      const user = await s.user("TokenSuspended");
      const { sessionToken } = await createSessionToken(s.f.db, { userId: user.id, now: now() });
      await s.f.db.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
      expect(await consumeSessionToken(s.f.db, sessionToken, now())).toBeNull();
    });
  });
});

describe.each(testProviders())("/api/v1/sessions/me on %s", (provider) => {
  let s: SessionFixture;
  let alice: TestUser;
  const NO_SESSION = { errorCode: "E0000007", errorSummary: "Not found: Resource not found: me (Session)", errorLink: "E0000007", errorId: expect.stringMatching(/^oae/), errorCauses: [] };
  const CLEAR = "sid=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax";
  const me = (method: string, cookie: string | null, headers: Record<string, string> = {}, path = "/api/v1/sessions/me") =>
    s.call(method, path, { headers: { ...(cookie ? { Cookie: `theme=dark; sid=${cookie}` } : {}), ...headers } });

  beforeAll(async () => {
    s = await createSessionFixture(provider);
    alice = await s.user("Alice");
  });
  afterAll(() => s.f.close());

  it("GET: Okta's Session object", async () => {
    const cookie = await s.signIn(alice);
    const session = await s.f.db.userSession.findUniqueOrThrow({ where: { tokenHash: hashToken(cookie) } });
    const signedIn = s.f.clock.now;
    s.f.clock.advance(5 * MINUTE);
    const res = await me("GET", cookie, { Origin: TRUSTED });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      id: session.id,
      userId: alice.id,
      login: alice.login,
      createdAt: signedIn.toISOString(),
      expiresAt: new Date(s.f.clock.now.getTime() + 120 * MINUTE).toISOString(),
      status: "ACTIVE",
      lastPasswordVerification: signedIn.toISOString(),
      lastFactorVerification: null,
      amr: ["pwd"],
      idp: { id: "00o0rg1dp0000000000x", type: "OKTA" },
      mfaActive: false,
      _links: {
        self: { href: `${ORG_URL}/api/v1/sessions/me`, hints: { allow: ["GET", "DELETE"] } },
        refresh: { href: `${ORG_URL}/api/v1/sessions/me/lifecycle/refresh`, hints: { allow: ["POST"] } },
        user: { name: alice.login, href: `${ORG_URL}/api/v1/users/${alice.id}`, hints: { allow: ["GET"] } },
      },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe(TRUSTED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("GET without a cookie: 404 E0000007, no Set-Cookie; with a dead cookie: 404 and the cookie is cleared", async () => {
    const none = await me("GET", null, { Origin: TRUSTED });
    expect({ status: none.status, body: none.body }).toEqual({ status: 404, body: NO_SESSION });
    expect(none.headers.get("set-cookie")).toBeNull();
    expect(none.headers.get("access-control-allow-origin")).toBe(TRUSTED);
    const dead = await me("GET", "B".repeat(43));
    expect({ status: dead.status, body: dead.body }).toEqual({ status: 404, body: NO_SESSION });
    expect(dead.headers.get("set-cookie")).toBe(CLEAR);
  });

  it("GET after the idle timeout and after the absolute timeout: 404", async () => {
    const idle = await s.signIn(alice);
    s.f.clock.advance(120 * MINUTE);
    expect((await me("GET", idle)).status).toBe(404);

    const busy = await s.signIn(alice);
    for (let i = 0; i < 14; i++) {
      s.f.clock.advance(100 * MINUTE);
      expect((await me("GET", busy)).status).toBe(200);
    }
    s.f.clock.advance(40 * MINUTE); // 24 h since sign-in
    expect((await me("GET", busy)).status).toBe(404);
  });

  it("POST lifecycle/refresh slides the idle expiry and answers the Session", async () => {
    const cookie = await s.signIn(alice);
    s.f.clock.advance(90 * MINUTE);
    const res = await me("POST", cookie, {}, "/api/v1/sessions/me/lifecycle/refresh");
    expect(res.status).toBe(200);
    expect(res.body.expiresAt).toBe(new Date(s.f.clock.now.getTime() + 120 * MINUTE).toISOString());
    s.f.clock.advance(100 * MINUTE); // 190 min after sign-in, 100 after the refresh
    expect((await me("GET", cookie)).status).toBe(200);
    expect((await me("POST", null, {}, "/api/v1/sessions/me/lifecycle/refresh")).status).toBe(404);
  });

  it("DELETE ends the session (user.session.end), clears the cookie, 204; then 404", async () => {
    const cookie = await s.signIn(alice);
    const mark = await s.mark();
    const res = await me("DELETE", cookie, { Origin: TRUSTED, "X-Forwarded-For": "203.0.113.7" });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect(res.headers.get("set-cookie")).toBe(CLEAR);
    expect(res.headers.get("access-control-allow-origin")).toBe(TRUSTED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    const [event, ...more] = await s.events("user.session.end", mark);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: { id: alice.id, type: "User", alternateId: alice.login } });
    const again = await me("DELETE", cookie);
    expect({ status: again.status, body: again.body }).toEqual({ status: 404, body: NO_SESSION });
    expect((await me("GET", cookie)).status).toBe(404);
  });

  it("DELETE from an untrusted origin is refused (403 E0000006) and the session lives on", async () => {
    const cookie = await s.signIn(alice);
    const res = await me("DELETE", cookie, { Origin: "https://evil.example.com" });
    expect(res.status).toBe(403);
    expect(res.body.errorCode).toBe("E0000006");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect((await me("GET", cookie)).status).toBe(200);
  });

  it("two sid cookies are no session", async () => {
    const cookie = await s.signIn(alice);
    const res = await s.call("GET", "/api/v1/sessions/me", { headers: { Cookie: `sid=${cookie}; sid=${cookie}` } });
    expect(res.status).toBe(404);
  });

  it("preflight: credentialed CORS for DELETE from a trusted origin", async () => {
    const res = await s.call("OPTIONS", "/api/v1/sessions/me", { headers: { Origin: TRUSTED, "Access-Control-Request-Method": "DELETE" } });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(TRUSTED);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, OPTIONS");
  });

  it("PUT: 405 E0000022 (Allow: GET, DELETE)", async () => {
    const res = await me("PUT", null);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, DELETE");
  });

  it("a session token from /api/v1/authn is not a session: sessions/me still 404", async () => {
    const res = await s.call("POST", "/api/v1/authn", { json: { username: alice.login, password: alice.password } });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await me("GET", res.body.sessionToken)).status).toBe(404);
  });
});
