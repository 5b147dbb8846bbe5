import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { hashToken } from "@/lib/crypto/hash-token";
import { SIGNIN_RATE_LIMITS } from "@/lib/signin/check-credentials";
import { ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import type { TestUser } from "../oauth/token-fixture";
import { createSessionFixture, expectNoStore, oktaError, TRUSTED, UNTRUSTED, type SessionFixture } from "./session-fixture";

const AUTH_FAILED = oktaError("E0000004", "Authentication failed");
let ipCounter = 0;
/** A fresh client IP per test, so the per-IP budget of one test never spills into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe.each(testProviders())("POST /api/v1/authn on %s", (provider) => {
  let s: SessionFixture;
  let alice: TestUser;

  const authn = (username: string, password: string, headers: Record<string, string> = {}) =>
    s.call("POST", "/api/v1/authn", { json: { username, password }, headers: { "X-Forwarded-For": freshIp(), ...headers } });

  beforeAll(async () => {
    s = await createSessionFixture(provider);
    alice = await s.user("Alice", { profile: { locale: "en_GB", timeZone: "Europe/London" } });
  });
  afterAll(() => s.f.close());

  it("success: 200 with Okta's transaction, a one-time session token stored hashed for five minutes, lastLogin set", async () => {
    s.f.clock.advance(60_000);
    const res = await s.call("POST", "/api/v1/authn", {
      json: { username: alice.login.toUpperCase(), password: alice.password, options: { warnBeforePasswordExpired: true, multiOptionalFactorEnroll: false } },
      headers: { "X-Forwarded-For": freshIp(), "X-Okta-User-Agent-Extended": "okta-auth-js/8.0.1" },
    });
    expect(res.status, res.text).toBe(200);
    expectNoStore(res);
    expect(res.headers.get("content-type")).toBe("application/json");
    const user = await s.f.db.user.findUniqueOrThrow({ where: { id: alice.id } });
    expect(res.body).toEqual({
      expiresAt: new Date(s.f.clock.now.getTime() + 5 * 60_000).toISOString(),
      status: "SUCCESS",
      sessionToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      _embedded: {
        user: {
          id: alice.id,
          passwordChanged: user.passwordChanged!.toISOString(),
          profile: { login: alice.login, firstName: "Alice", lastName: "Tester", locale: "en_GB", timeZone: "Europe/London" },
        },
      },
      _links: { cancel: { href: `${ORG_URL}/api/v1/authn/cancel`, hints: { allow: ["POST"] } } },
    });
    expect(Object.keys(res.body)).toEqual(["expiresAt", "status", "sessionToken", "_embedded", "_links"]);
    const stored = await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(res.body.sessionToken) } });
    expect(stored).toMatchObject({ userId: alice.id, consumed: null, expiresAt: new Date(s.f.clock.now.getTime() + 300_000) });
    expect(user.lastLogin).toEqual(s.f.clock.now);
    // No cookie: the session starts when the token is redeemed at /authorize.
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("a missing locale and time zone are null", async () => {
    const bob = await s.user("Bob");
    const res = await authn(bob.login, bob.password);
    expect(res.status).toBe(200);
    expect(res.body._embedded.user.profile).toEqual({ login: bob.login, firstName: "Bob", lastName: "Tester", locale: null, timeZone: null });
  });

  it("a wrong password and an unknown user: the same 401 E0000004; the System Log tells them apart", async () => {
    const mark = await s.mark();
    const wrong = await authn(alice.login, "Not-The-Password-1", { "User-Agent": "UA/1" });
    const unknown = await authn("nobody@example.com", "Whatever-123");
    for (const res of [wrong, unknown]) {
      expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: AUTH_FAILED });
      expectNoStore(res);
    }
    const events = await s.events("user.session.start", mark);
    expect(events.map((event) => [event.outcomeResult, event.outcomeReason])).toEqual([
      ["FAILURE", "INVALID_CREDENTIALS: wrong password"],
      ["FAILURE", "INVALID_CREDENTIALS: no user with this login"],
    ]);
    expect(events[0]!.actor).toEqual({ id: alice.id, type: "User", alternateId: alice.login });
    // A login that names no user is never logged (it may be a password typed into the username field).
    expect(events[1]!.actor).toEqual({ id: "unknown", type: "User", alternateId: "unknown user" });
    expect(JSON.stringify(events)).not.toContain("nobody@example.com");
    expect((await s.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts).toBe(1);
    expect((await authn(alice.login, alice.password)).status).toBe(200);
    expect((await s.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts).toBe(0);
  });

  // (a PASSWORD_EXPIRED user with the right password gets Okta's PASSWORD_EXPIRED state: tests/user-tokens/account-recovery-api.test.ts)
  it.each(["STAGED", "SUSPENDED", "DEPROVISIONED", "RECOVERY", "LOCKED_OUT"])("a %s user with the right password: 401 E0000004, nothing counted, no token", async (status) => {
    const user = await s.user(`State${status}`);
    await s.f.db.user.update({ where: { id: user.id }, data: { status } });
    const mark = await s.mark();
    const res = await authn(user.login, user.password);
    expect({ status: res.status, body: res.body }).toEqual({ status: 401, body: AUTH_FAILED });
    expect((await s.f.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedAttempts).toBe(0);
    expect(await s.f.db.sessionToken.count({ where: { userId: user.id } })).toBe(0);
    const [event] = await s.events("user.session.start", mark);
    expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: `INVALID_CREDENTIALS: the user is ${status}` });
  });

  it("locks the user out at the org's lockoutThreshold (user.account.lock); the right password is refused afterwards", async () => {
    await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: 3 } } });
    try {
      const carol = await s.user("Carol");
      const mark = await s.mark();
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect((await authn(carol.login, "Wrong-Password-0")).status).toBe(401);
      }
      expect(await s.f.db.user.findUniqueOrThrow({ where: { id: carol.id } })).toMatchObject({ status: "LOCKED_OUT", failedAttempts: 3, lockedOut: s.f.clock.now });
      const [lock, ...more] = await s.events("user.account.lock", mark);
      expect(more).toEqual([]);
      expect(lock).toMatchObject({ outcomeResult: "SUCCESS", outcomeReason: "3 consecutive failed password checks (lockoutThreshold 3)" });
      // the fixed clock gives the three events one timestamp, so their order is the database's choice
      const reasons = (await s.events("user.session.start", mark)).map((event) => event.outcomeReason).sort();
      expect(reasons).toEqual(["INVALID_CREDENTIALS: wrong password", "INVALID_CREDENTIALS: wrong password", "INVALID_CREDENTIALS: wrong password; the user is now LOCKED_OUT"]);
      const locked = await authn(carol.login, carol.password);
      expect({ status: locked.status, body: locked.body }).toEqual({ status: 401, body: AUTH_FAILED });
    } finally {
      await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: DEFAULT_ORG_SETTINGS } });
    }
  });

  it(`rate limits: more than ${SIGNIN_RATE_LIMITS.perUsername} attempts per username a minute -> 429 E0000047 without checking the password, whatever the IP`, async () => {
    s.f.clock.advance(60_000);
    const dave = await s.user("Dave");
    // lockout off: the rate limit is what bounds guessing then (with it on, Dave would lock first)
    await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: 0 } } });
    try {
      for (let i = 0; i < SIGNIN_RATE_LIMITS.perUsername; i++) {
        expect((await authn(dave.login, i === 0 ? dave.password : "Wrong-Password-0")).status).toBeOneOf([200, 401]);
      }
      const mark = await s.mark();
      const limited = await authn(dave.login.toUpperCase(), dave.password);
      expect({ status: limited.status, body: limited.body }).toEqual({ status: 429, body: oktaError("E0000047", "API call exceeded rate limit due to too many requests.") });
      expectNoStore(limited);
      const windowEnd = (Math.floor(s.f.clock.now.getTime() / 60_000) + 1) * 60;
      expect(limited.headers.get("x-rate-limit-limit")).toBe(String(SIGNIN_RATE_LIMITS.perUsername));
      expect(limited.headers.get("x-rate-limit-remaining")).toBe("0");
      expect(limited.headers.get("x-rate-limit-reset")).toBe(String(windowEnd));
      // not counted as a failed password
      expect((await s.f.db.user.findUniqueOrThrow({ where: { id: dave.id } })).failedAttempts).toBe(SIGNIN_RATE_LIMITS.perUsername - 1);
      const [event] = await s.events("user.session.start", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: `RATE_LIMITED: more than ${SIGNIN_RATE_LIMITS.perUsername} sign-in attempts per username in 60 s` });
      // the next window allows it again
      s.f.clock.advance(60_000);
      expect((await authn(dave.login, dave.password)).status).toBe(200);
    } finally {
      await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: DEFAULT_ORG_SETTINGS } });
    }
  });

  it(`rate limits: more than ${SIGNIN_RATE_LIMITS.perIp} attempts per IP a minute -> 429, whatever the username`, async () => {
    s.f.clock.advance(60_000);
    const ip = "192.0.2.77";
    for (let i = 0; i < SIGNIN_RATE_LIMITS.perIp; i++) {
      expect((await authn(`nobody${i}@example.com`, "Whatever-123", { "X-Forwarded-For": ip })).status).toBe(401);
    }
    // the address the nearest hop appended counts; an entry the client put in front of it does not
    const limited = await authn(alice.login, alice.password, { "X-Forwarded-For": `198.51.100.1, ${ip}` });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-rate-limit-limit")).toBe(String(SIGNIN_RATE_LIMITS.perIp));
    // another IP is not affected
    expect((await authn(alice.login, alice.password)).status).toBe(200);
  }, 120_000);

  describe("validation", () => {
    it.each<[string, unknown, string, string[]]>([
      ["no username", { password: "x" }, "Api validation failed: username", ["username: The field cannot be left blank"]],
      ["an empty password", { username: "a@example.com", password: "" }, "Api validation failed: password", ["password: The field cannot be left blank"]],
      ["a number as username", { username: 5, password: "x" }, "Api validation failed: username", ["username: The field cannot be left blank"]],
      ["an array body", [1], "Api validation failed: authRequest", ["The request body must be a JSON object."]],
    ])("%s: 400 E0000001", async (_name, json, summary, causes) => {
      const res = await s.call("POST", "/api/v1/authn", { json });
      expect({ status: res.status, body: res.body }).toEqual({ status: 400, body: oktaError("E0000001", summary, causes.map((errorSummary) => ({ errorSummary }))) });
    });

    it("malformed JSON: 400 E0000003", async () => {
      const res = await s.call("POST", "/api/v1/authn", { body: "{username", headers: { "Content-Type": "application/json" } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errorCode: "E0000003", errorSummary: "The request body was not well-formed." });
    });

    it("another content type: 415 E0000021", async () => {
      const res = await s.call("POST", "/api/v1/authn", { body: "username=a&password=b", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ errorCode: "E0000021" });
    });

    it("GET: 405 E0000022 with Allow", async () => {
      const res = await s.call("GET", "/api/v1/authn");
      expect({ status: res.status, body: res.body }).toEqual({ status: 405, body: oktaError("E0000022", "The endpoint does not support the provided HTTP method") });
      expect(res.headers.get("allow")).toBe("POST");
    });

    it("is not an SSWS endpoint: an API token changes nothing", async () => {
      const res = await authn("nobody@example.com", "Whatever-123", { Authorization: "SSWS not-a-token" });
      expect(res.status).toBe(401);
      expect(res.body.errorCode).toBe("E0000004");
    });
  });

  describe("CORS (credentialed, trusted origins only)", () => {
    it("preflight from a trusted origin", async () => {
      const res = await s.call("OPTIONS", "/api/v1/authn", { headers: { Origin: TRUSTED, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, x-okta-user-agent-extended" } });
      expect(res.status).toBe(204);
      expect(Object.fromEntries(res.headers)).toEqual({
        vary: "Origin",
        "access-control-allow-origin": TRUSTED,
        "access-control-allow-credentials": "true",
        "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
        "access-control-allow-headers": "Accept, Authorization, Content-Type, X-Okta-User-Agent-Extended, X-Requested-With, DPoP",
        "access-control-max-age": "600",
      });
    });

    it("preflight from an untrusted origin: no CORS headers", async () => {
      const res = await s.call("OPTIONS", "/api/v1/authn", { headers: { Origin: UNTRUSTED, "Access-Control-Request-Method": "POST" } });
      expect(res.status).toBe(204);
      expect(Object.fromEntries(res.headers)).toEqual({ vary: "Origin" });
    });

    it("answers from a trusted origin carry the exact origin and credentials, errors included", async () => {
      for (const res of [await authn(alice.login, alice.password, { Origin: TRUSTED }), await authn(alice.login, "wrong-password", { Origin: TRUSTED })]) {
        expect(res.headers.get("access-control-allow-origin")).toBe(TRUSTED);
        expect(res.headers.get("access-control-allow-credentials")).toBe("true");
        expect(res.headers.get("vary")).toBe("Origin");
      }
    });

    it("a call from an untrusted origin is refused before the password is checked (403 E0000006)", async () => {
      const mark = await s.mark();
      const res = await authn(alice.login, alice.password, { Origin: UNTRUSTED });
      expect({ status: res.status, body: res.body }).toEqual({ status: 403, body: oktaError("E0000006", "You do not have permission to perform the requested action") });
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
      expect(await s.events("user.session.start", mark)).toEqual([]);
    });

    it("the org's own origin is allowed without CORS headers", async () => {
      const res = await authn(alice.login, alice.password, { Origin: ORG_URL });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    });
  });

  it("POST /api/v1/authn/cancel answers an empty 200", async () => {
    const res = await s.call("POST", "/api/v1/authn/cancel", { json: { stateToken: "x" } });
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: {} });
  });
});
