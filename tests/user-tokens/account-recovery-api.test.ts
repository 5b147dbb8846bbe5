import { OktaAuth } from "@okta/okta-auth-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/crypto/hash-token";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { RECOVERY_RATE_LIMITS } from "@/lib/user-tokens/request-password-recovery";
import { ORG_URL, type ApiResult } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, ISSUER, REDIRECT_URI, type TestUser, type TokenFixture } from "../oauth/token-fixture";

const USERS = "/api/v1/users";
const HOUR = 60 * 60_000;
let ipCounter = 0;
/** A fresh client IP per call, so per-address budgets never spill from one test into another. */
const freshIp = () => `198.51.100.${(++ipCounter % 250) + 1}`;

function oktaError(errorCode: string, errorSummary: string, errorCauses: string[] = []) {
  return { errorCode, errorSummary, errorLink: errorCode, errorId: expect.stringMatching(/^oae[A-Za-z0-9]{22}$/), errorCauses: errorCauses.map((errorSummary) => ({ errorSummary })) };
}
const RECOVERY_TOKEN_ERROR = oktaError("E0000105", "You have accessed an account recovery link that has expired or been previously used.");
const INVALID_STATE = oktaError("E0000011", "Invalid token provided");

describe.each(testProviders())("activation and recovery APIs on %s", (provider) => {
  let t: TokenFixture;
  const logged: string[] = [];
  const spies: Array<{ mockRestore(): void }> = [];
  const now = () => t.f.clock.now;

  /** An end-user call (no SSWS), JSON in and out, from a fresh address unless one is given. */
  async function call(path: string, json: unknown, headers: Record<string, string> = {}): Promise<ApiResult> {
    // a millisecond per call: emails (ordered by their time) then sort newest first on every database
    t.f.clock.advance(1);
    const response = await callRoute(new Request(`${ORG_URL}${path}`, { method: "POST", headers: { "Content-Type": "application/json", "X-Forwarded-For": freshIp(), ...headers }, body: JSON.stringify(json) }));
    const text = await response.text();
    await flushSystemLog(t.f.db);
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
  }
  const mails = (to: string) => listMailMessages(t.f.db, { to });
  /** The one link token of the newest email to `to` with this path. */
  async function linkToken(to: string, path: "welcome" | "signin/reset-password"): Promise<string> {
    const [newest] = await mails(to);
    const match = new RegExp(`${ORG_URL}/${path}/([A-Za-z0-9_-]{43})`).exec(newest?.textBody ?? "");
    expect(match, newest?.textBody).not.toBeNull();
    return match![1]!;
  }
  async function userWithoutPassword(name: string, query = "?activate=false") {
    const login = `${name.toLowerCase()}.${++ipCounter}@example.com`;
    const res = await t.f.api("POST", `${USERS}${query}`, { profile: { firstName: name, lastName: "Tester", email: login, login } });
    expect(res.status, res.text).toBe(200);
    return { id: res.body.id as string, login, body: res.body };
  }
  const statusOf = async (id: string) => (await t.f.db.user.findUniqueOrThrow({ where: { id } })).status;
  const authn = (username: string, password: string) => call("/api/v1/authn", { username, password });

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    for (const method of ["log", "info", "warn", "error"] as const) spies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))));
  });
  afterEach(() => flushSystemLog(t.f.db));
  afterAll(() => {
    for (const spy of spies) spy.mockRestore();
    return t.f.close();
  });

  describe("admin lifecycle: activation links", () => {
    it("a user created without a password (activate=true) is PROVISIONED and gets the activation email; its token is stored hashed for 7 days", async () => {
      const created = await userWithoutPassword("Pat", "?activate=true");
      expect(created.body.status).toBe("PROVISIONED");
      const [mail] = await mails(created.login);
      expect(mail).toMatchObject({ template: "activation", userId: created.id, status: "QUEUED", subject: "Activate your Identity Provider account" });
      const token = await linkToken(created.login, "welcome");
      const rows = await t.f.db.userToken.findMany({ where: { userId: created.id } });
      expect(rows).toEqual([{ tokenHash: hashToken(token), userId: created.id, kind: "ACTIVATION", expiresAt: new Date(now().getTime() + 7 * 24 * HOUR), consumed: null, created: now(), newEmail: null }]);
      expect(JSON.stringify(rows)).not.toContain(token);
      // sendEmail=false on creation: PROVISIONED, no email
      const quiet = await userWithoutPassword("Quiet", "?activate=true&sendEmail=false");
      expect(quiet.body.status).toBe("PROVISIONED");
      expect(await mails(quiet.login)).toEqual([]);
    });

    it("lifecycle/activate?sendEmail=false answers {activationUrl, activationToken}; a second activation replaces the first token; sendEmail=true answers {} and emails", async () => {
      const staged = await userWithoutPassword("Sam");
      const first = await t.f.api("POST", `${USERS}/${staged.id}/lifecycle/activate?sendEmail=false`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ activationUrl: `${ORG_URL}/welcome/${first.body.activationToken}`, activationToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(await statusOf(staged.id)).toBe("PROVISIONED");
      expect(await mails(staged.login)).toEqual([]);
      const second = await t.f.api("POST", `${USERS}/${staged.id}/lifecycle/activate`);
      expect({ status: second.status, body: second.body }).toEqual({ status: 200, body: {} });
      const emailed = await linkToken(staged.login, "welcome");
      const rows = await t.f.db.userToken.findMany({ where: { userId: staged.id } });
      expect(rows.map((row) => row.tokenHash)).toEqual([hashToken(emailed)]);
      const events = await t.events("user.lifecycle.activate");
      expect(events.filter((event) => JSON.stringify(event.target).includes(staged.id))).toHaveLength(2);
    });

    it("lifecycle/reactivate: PROVISIONED -> a new link (sendEmail defaults to false); sendEmail=true emails; ACTIVE or STAGED users: 403 E0000038; unknown: 404", async () => {
      const pending = await userWithoutPassword("Rae", "?activate=true&sendEmail=false");
      const res = await t.f.api("POST", `${USERS}/${pending.id}/lifecycle/reactivate`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ activationUrl: `${ORG_URL}/welcome/${res.body.activationToken}`, activationToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect((await t.f.api("POST", `${USERS}/${pending.id}/lifecycle/reactivate?sendEmail=true`)).body).toEqual({});
      expect(await mails(pending.login)).toHaveLength(1);
      expect((await t.events("user.lifecycle.reactivate")).length).toBeGreaterThanOrEqual(2);
      const active = await t.user("Active");
      const refused = await t.f.api("POST", `${USERS}/${active.id}/lifecycle/reactivate`);
      expect({ status: refused.status, body: refused.body }).toEqual({
        status: 403,
        body: oktaError("E0000038", "This operation is not allowed in the user's current status.", ["Only a PROVISIONED or RECOVERY user can be reactivated; this user is ACTIVE."]),
      });
      expect((await t.f.api("POST", `${USERS}/00uNoSuchUser0000000/lifecycle/reactivate`)).status).toBe(404);
    });
  });

  describe("admin lifecycle: reset_password and expire_password", () => {
    it("reset_password?sendEmail=false: RECOVERY with a resetPasswordUrl; the old password no longer signs in; audited; the link works once", async () => {
      const ann = await t.user("Ann");
      const res = await t.f.api("POST", `${USERS}/${ann.id}/lifecycle/reset_password?sendEmail=false`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ resetPasswordUrl: expect.stringMatching(new RegExp(`^${ORG_URL}/signin/reset-password/[A-Za-z0-9_-]{43}$`)) });
      expect(await statusOf(ann.id)).toBe("RECOVERY");
      expect((await authn(ann.login, ann.password)).status).toBe(401);
      const [event] = (await t.events("user.account.reset_password")).filter((e) => JSON.stringify(e.target).includes(ann.id));
      expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "Reset password for user" });
      expect(JSON.stringify(event)).not.toContain(res.body.resetPasswordUrl.split("/").pop());
      const token = res.body.resetPasswordUrl.split("/").pop() as string;
      const verified = await call("/api/v1/authn/recovery/token", { recoveryToken: token });
      expect(verified.status, verified.text).toBe(200);
      expect((await call("/api/v1/authn/recovery/token", { recoveryToken: token })).body).toEqual(RECOVERY_TOKEN_ERROR);
      const reset = await call("/api/v1/authn/credentials/reset_password", { stateToken: verified.body.stateToken, newPassword: "A-new-password-1" });
      expect(reset.body.status).toBe("SUCCESS");
      expect(await statusOf(ann.id)).toBe("ACTIVE");
      expect((await authn(ann.login, "A-new-password-1")).status).toBe(200);
    });

    it("reset_password sends the email by default ({}); revokeSessions=true ends sessions; a PROVISIONED or unknown user is refused", async () => {
      const ben = await t.user("Ben");
      await t.f.db.userSession.create({ data: { id: `102ben${ipCounter}`, tokenHash: hashToken(`ben-session-${ipCounter}`), userId: ben.id, authTime: now(), amr: ["pwd"], lastSeen: now(), idleExpiresAt: new Date(now().getTime() + HOUR), expiresAt: new Date(now().getTime() + HOUR) } });
      const res = await t.f.api("POST", `${USERS}/${ben.id}/lifecycle/reset_password?revokeSessions=true`);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: {} });
      const [mail] = await mails(ben.login);
      expect(mail).toMatchObject({ template: "password-reset", userId: ben.id });
      expect(await t.f.db.userSession.count({ where: { userId: ben.id, revoked: null } })).toBe(0);
      const provisioned = await userWithoutPassword("Pia", "?activate=true&sendEmail=false");
      const refused = await t.f.api("POST", `${USERS}/${provisioned.id}/lifecycle/reset_password`);
      expect(refused.status).toBe(403);
      expect(refused.body.errorCode).toBe("E0000038");
      expect((await t.f.api("POST", `${USERS}/00uNoSuchUser0000000/lifecycle/reset_password`)).status).toBe(404);
      expect((await t.f.api("POST", `${USERS}/${ben.id}/lifecycle/reset_password?sendEmail=maybe`)).body.errorCode).toBe("E0000001");
    });

    it("expire_password -> PASSWORD_EXPIRED; /api/v1/authn answers PASSWORD_EXPIRED; changePassword checks the old password and the policy, then SUCCESS", async () => {
      const cat = await t.user("Cat");
      const res = await t.f.api("POST", `${USERS}/${cat.id}/lifecycle/expire_password`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id: cat.id, status: "PASSWORD_EXPIRED", statusChanged: now().toISOString() });
      expect((await t.events("user.account.expire_password")).some((e) => JSON.stringify(e.target).includes(cat.id))).toBe(true);
      // a wrong password is still the usual 401
      expect((await authn(cat.login, "Wrong-password-9")).status).toBe(401);
      const expired = await authn(cat.login, cat.password);
      expect(expired.status, expired.text).toBe(200);
      expect(expired.body).toEqual({
        stateToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: new Date(now().getTime() + 5 * 60_000).toISOString(),
        status: "PASSWORD_EXPIRED",
        _embedded: {
          user: expect.objectContaining({ id: cat.id }),
          policy: {
            expiration: { passwordExpireDays: 0 },
            complexity: { minLength: 8, minLowerCase: 0, minUpperCase: 0, minNumber: 0, minSymbol: 0, excludeUsername: true },
            age: { minAgeMinutes: 0, historyCount: 1 },
          },
        },
        _links: {
          next: { name: "changePassword", href: `${ORG_URL}/api/v1/authn/credentials/change_password`, hints: { allow: ["POST"] } },
          cancel: { href: `${ORG_URL}/api/v1/authn/cancel`, hints: { allow: ["POST"] } },
        },
      });
      const { stateToken } = expired.body;
      const change = (oldPassword: string, newPassword: string) => call("/api/v1/authn/credentials/change_password", { stateToken, oldPassword, newPassword });
      expect((await change("Not-it-123", "Brand-new-pass-1")).body).toEqual(oktaError("E0000014", "Update of credentials failed", ["oldPassword: Old Password is not correct"]));
      expect((await change(cat.password, "short")).body).toEqual(
        oktaError("E0000080", "The password does not meet the complexity requirements of the current password policy.", ["password: Password requirements were not met. Password requirements: at least 8 characters."]),
      );
      expect((await change(cat.password, cat.password)).body.errorCode).toBe("E0000080");
      expect(await statusOf(cat.id)).toBe("PASSWORD_EXPIRED");
      const done = await change(cat.password, "Brand-new-pass-1");
      expect(done.body.status, done.text).toBe("SUCCESS");
      expect(await statusOf(cat.id)).toBe("ACTIVE");
      expect((await mails(cat.login))[0]).toMatchObject({ template: "password-changed" });
      expect((await change(cat.password, "Brand-new-pass-2")).body).toEqual(INVALID_STATE);
      // only ACTIVE users with a password can be expired
      const staged = await userWithoutPassword("Stu");
      expect((await t.f.api("POST", `${USERS}/${staged.id}/lifecycle/expire_password`)).body.errorCode).toBe("E0000038");
    });
  });

  describe("self-service recovery through /api/v1/authn", () => {
    const forgot = (username: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => call("/api/v1/authn/recovery/password", { username, factorType: "EMAIL", ...extra }, headers);

    it("the same 200 RECOVERY_CHALLENGE for a user, an unknown username and a user who cannot recover; only the user gets an email", async () => {
      const dan = await t.user("Dan");
      const staged = await userWithoutPassword("Sid");
      const known = await forgot(dan.login.toUpperCase(), { relayState: "/app/deep" });
      const unknown = await forgot("nobody@example.com", { relayState: "/app/deep" });
      const notAllowed = await forgot(staged.login, { relayState: "/app/deep" });
      const expected = { status: 200, body: { status: "RECOVERY_CHALLENGE", factorResult: "WAITING", factorType: "EMAIL", recoveryType: "PASSWORD", relayState: "/app/deep" } };
      for (const res of [known, unknown, notAllowed]) {
        expect({ status: res.status, body: res.body }).toEqual(expected);
        expect(res.text).toBe(known.text);
        expect(res.headers.get("cache-control")).toBe("no-store");
      }
      const [mail] = await mails(dan.login);
      expect(mail).toMatchObject({ template: "password-reset", userId: dan.id, subject: "Reset your Identity Provider password" });
      expect(await mails("nobody@example.com")).toEqual([]);
      expect(await mails(staged.login)).toEqual([]);
      const token = await linkToken(dan.login, "signin/reset-password");
      const row = await t.f.db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
      expect(row).toMatchObject({ kind: "RECOVERY", userId: dan.id, consumed: null });
      expect(row.expiresAt.getTime() - row.created.getTime()).toBe(HOUR);
      const events = (await t.events("system.email.password_reset.sent_message")).slice(-3);
      expect(events.map((event) => [event.outcomeResult, event.outcomeReason])).toEqual([
        ["SUCCESS", null],
        ["SKIPPED", "no user with this username"],
        ["SKIPPED", "the user is STAGED"],
      ]);
      // the email address works as the username; a new request replaces the previous link
      const n = ++ipCounter;
      const other = await t.f.api("POST", USERS, { profile: { firstName: "Dee", lastName: "Tester", login: `dee-login-${n}@login.example.com`, email: `dee.mail.${n}@example.com` }, credentials: { password: { value: "Dee-password-12" } } });
      expect(other.status, other.text).toBe(200);
      expect((await forgot(`DEE.MAIL.${n}@example.com`)).status).toBe(200);
      expect((await mails(`dee.mail.${n}@example.com`))[0]).toMatchObject({ template: "password-reset", userId: other.body.id });
      expect((await forgot(dan.login)).status).toBe(200);
      const newer = await linkToken(dan.login, "signin/reset-password");
      expect(newer).not.toBe(token);
      expect((await call("/api/v1/authn/recovery/token", { recoveryToken: token })).body).toEqual(RECOVERY_TOKEN_ERROR);
    });

    it("bad requests: another factorType, no username, not JSON -> 400; nothing sent", async () => {
      const sms = await forgot("someone@example.com", { factorType: "SMS" });
      expect({ status: sms.status, body: sms.body }).toEqual({ status: 400, body: oktaError("E0000001", "Api validation failed: factorType", ["factorType: Only EMAIL is supported for password recovery"]) });
      expect((await call("/api/v1/authn/recovery/password", { factorType: "EMAIL" })).body.errorCode).toBe("E0000001");
    });

    it("rate limits per username, alike for known and unknown usernames (429 E0000047 with X-Rate-Limit headers)", async () => {
      const eve = await t.user("Eve");
      for (const username of [eve.login, "ghost@example.com"]) {
        const answers = [];
        for (let i = 0; i <= RECOVERY_RATE_LIMITS.perUsername; i++) answers.push(await forgot(username));
        expect(answers.map((res) => res.status)).toEqual([...Array(RECOVERY_RATE_LIMITS.perUsername).fill(200), 429]);
        const limited = answers.at(-1)!;
        expect(limited.body).toEqual(oktaError("E0000047", "API call exceeded rate limit due to too many requests."));
        expect(limited.headers.get("x-rate-limit-limit")).toBe(String(RECOVERY_RATE_LIMITS.perUsername));
      }
      expect(await mails(eve.login)).toHaveLength(RECOVERY_RATE_LIMITS.perUsername);
    });

    it("recovery/token -> PASSWORD_RESET -> reset_password: the policy, then SUCCESS; sessions and refresh tokens end; 'password changed' is sent; the stateToken is spent", async () => {
      const fay = await t.user("Fay");
      await t.f.db.userSession.create({ data: { id: `102fay${ipCounter}`, tokenHash: hashToken(`fay-session-${ipCounter}`), userId: fay.id, authTime: now(), amr: ["pwd"], lastSeen: now(), idleExpiresAt: new Date(now().getTime() + HOUR), expiresAt: new Date(now().getTime() + HOUR) } });
      await forgot(fay.login);
      const token = await linkToken(fay.login, "signin/reset-password");
      const verified = await call("/api/v1/authn/recovery/token", { recoveryToken: token });
      expect(verified.status, verified.text).toBe(200);
      expect(verified.body).toEqual({
        stateToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: new Date(now().getTime() + 5 * 60_000).toISOString(),
        status: "PASSWORD_RESET",
        recoveryType: "PASSWORD",
        _embedded: {
          user: expect.objectContaining({ id: fay.id, profile: expect.objectContaining({ login: fay.login }) }),
          policy: { complexity: { minLength: 8, minLowerCase: 0, minUpperCase: 0, minNumber: 0, minSymbol: 0, excludeUsername: true }, age: { minAgeMinutes: 0, historyCount: 1 } },
        },
        _links: {
          next: { name: "resetPassword", href: `${ORG_URL}/api/v1/authn/credentials/reset_password`, hints: { allow: ["POST"] } },
          cancel: { href: `${ORG_URL}/api/v1/authn/cancel`, hints: { allow: ["POST"] } },
        },
      });
      const { stateToken } = verified.body;
      // the state can be read again with {stateToken}
      expect((await call("/api/v1/authn", { stateToken })).body.status).toBe("PASSWORD_RESET");
      const reset = (newPassword: string) => call("/api/v1/authn/credentials/reset_password", { stateToken, newPassword });
      const weak = await reset(`xx-${fay.login.split("@")[0]}-xx`);
      expect({ status: weak.status, body: weak.body }).toEqual({
        status: 403,
        body: oktaError("E0000080", "The password does not meet the complexity requirements of the current password policy.", ["password: Password requirements were not met. Your password cannot contain your username."]),
      });
      expect((await reset(fay.password)).body.errorCode).toBe("E0000080");
      const done = await reset("Fresh-password-42");
      expect(done.status, done.text).toBe(200);
      expect(done.body).toMatchObject({ status: "SUCCESS", sessionToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect((await reset("Another-password-43")).body).toEqual(INVALID_STATE);
      expect(await t.f.db.userSession.count({ where: { userId: fay.id, revoked: null } })).toBe(0);
      expect((await mails(fay.login))[0]).toMatchObject({ template: "password-changed" });
      expect((await authn(fay.login, fay.password)).status).toBe(401);
      expect((await authn(fay.login, "Fresh-password-42")).status).toBe(200);
      const [event] = (await t.events("user.account.reset_password")).filter((e) => JSON.stringify(e.target).includes(fay.id));
      expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "User reset their password with a recovery token" });
    });

    it("with endSessionsOnPasswordReset off, a reset keeps the other sessions", async () => {
      expect((await t.f.api("POST", "/api/v1/org/settings", { endSessionsOnPasswordReset: false })).status).toBe(200);
      try {
        const gil = await t.user("Gil");
        await t.f.db.userSession.create({ data: { id: `102gil${ipCounter}`, tokenHash: hashToken(`gil-session-${ipCounter}`), userId: gil.id, authTime: now(), amr: ["pwd"], lastSeen: now(), idleExpiresAt: new Date(now().getTime() + HOUR), expiresAt: new Date(now().getTime() + HOUR) } });
        await forgot(gil.login);
        const verified = await call("/api/v1/authn/recovery/token", { recoveryToken: await linkToken(gil.login, "signin/reset-password") });
        expect((await call("/api/v1/authn/credentials/reset_password", { stateToken: verified.body.stateToken, newPassword: "Kept-sessions-77" })).body.status).toBe("SUCCESS");
        expect(await t.f.db.userSession.count({ where: { userId: gil.id, revoked: null } })).toBe(1);
      } finally {
        await t.f.api("POST", "/api/v1/org/settings", { endSessionsOnPasswordReset: true });
      }
    });

    it("expired, reused, forged and foreign tokens: 403 E0000105 and nothing changes; two concurrent redemptions: exactly one wins", async () => {
      const hal = await t.user("Hal");
      await forgot(hal.login);
      const token = await linkToken(hal.login, "signin/reset-password");
      for (const forged of ["", "x".repeat(43), `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "y".repeat(5000)]) {
        const res = await call("/api/v1/authn/recovery/token", { recoveryToken: forged });
        expect(res.status).toBe(forged === "" ? 400 : 403);
      }
      // an activation token is not a recovery token
      const pending = await userWithoutPassword("Ida", "?activate=true&sendEmail=false");
      const activation = (await t.f.api("POST", `${USERS}/${pending.id}/lifecycle/reactivate`)).body.activationToken as string;
      expect((await call("/api/v1/authn/recovery/token", { recoveryToken: activation })).body).toEqual(RECOVERY_TOKEN_ERROR);
      const results = await Promise.all([1, 2, 3].map(() => call("/api/v1/authn/recovery/token", { recoveryToken: token })));
      expect(results.map((res) => res.status).sort()).toEqual([200, 403, 403]);
      // expiry: the org's recoveryTokenLifetimeMinutes (60 by default)
      await forgot(hal.login);
      const late = await linkToken(hal.login, "signin/reset-password");
      t.f.clock.advance(HOUR);
      expect((await call("/api/v1/authn/recovery/token", { recoveryToken: late })).body).toEqual(RECOVERY_TOKEN_ERROR);
      expect(await statusOf(hal.id)).toBe("ACTIVE");
      expect((await authn(hal.login, hal.password)).status).toBe(200);
    });

    it("okta-auth-js 8: forgotPassword -> RECOVERY_CHALLENGE; verifyRecoveryToken -> PASSWORD_RESET; resetPassword -> SUCCESS", async () => {
      const ivy = await t.user("Ivy");
      const httpRequestClient = async (method: string, url: string, args: { data?: unknown; headers?: Record<string, string> }) => {
        const response = await callRoute(new Request(url, { method, headers: { ...args.headers, "X-Forwarded-For": freshIp() }, body: args.data === undefined ? undefined : typeof args.data === "string" ? args.data : JSON.stringify(args.data) }));
        const text = await response.text();
        await flushSystemLog(t.f.db);
        return { status: response.status, responseText: text, responseJSON: text ? (JSON.parse(text) as unknown) : undefined, responseType: "json", headers: Object.fromEntries(response.headers.entries()) };
      };
      const auth = new OktaAuth({ issuer: ISSUER, clientId: "any-client", redirectUri: REDIRECT_URI, httpRequestClient: httpRequestClient as never });
      const challenge = await auth.forgotPassword({ username: ivy.login, factorType: "EMAIL" });
      expect(challenge.status).toBe("RECOVERY_CHALLENGE");
      const recovery = await auth.verifyRecoveryToken({ recoveryToken: await linkToken(ivy.login, "signin/reset-password") });
      expect(recovery.status).toBe("PASSWORD_RESET");
      expect(recovery.user?.id).toBe(ivy.id);
      const success = await recovery.resetPassword!({ newPassword: "Okta-auth-js-pass-1" });
      expect(success.status).toBe("SUCCESS");
      expect(success.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // and the expired-password path
      await t.f.api("POST", `${USERS}/${ivy.id}/lifecycle/expire_password`);
      const expired = await auth.signInWithCredentials({ username: ivy.login, password: "Okta-auth-js-pass-1" });
      expect(expired.status).toBe("PASSWORD_EXPIRED");
      const changed = await expired.changePassword!({ oldPassword: "Okta-auth-js-pass-1", newPassword: "Okta-auth-js-pass-2" });
      expect(changed.status).toBe("SUCCESS");
    });

    it("no token or password in any log line (System Log or console)", async () => {
      const jon: TestUser = await t.user("Jon");
      const mark = await t.mark();
      await forgot(jon.login);
      const token = await linkToken(jon.login, "signin/reset-password");
      const verified = await call("/api/v1/authn/recovery/token", { recoveryToken: token });
      await call("/api/v1/authn/credentials/reset_password", { stateToken: verified.body.stateToken, newPassword: "short" });
      await call("/api/v1/authn/credentials/reset_password", { stateToken: verified.body.stateToken, newPassword: "Logged-never-99" });
      const activation = await t.f.api("POST", `${USERS}/${(await userWithoutPassword("Kim")).id}/lifecycle/activate?sendEmail=false`);
      const reset = await t.f.api("POST", `${USERS}/${jon.id}/lifecycle/reset_password?sendEmail=false`);
      const events = await t.f.db.systemLogEvent.findMany();
      const parts = await t.f.db.systemLogPart.findMany();
      const text = JSON.stringify([events, parts], (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)) + logged.join("\n");
      const secrets = [token, verified.body.stateToken, "Logged-never-99", activation.body.activationToken, reset.body.resetPasswordUrl.split("/").pop()];
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(mark.size).toBeGreaterThan(0);
    });
  });
});
