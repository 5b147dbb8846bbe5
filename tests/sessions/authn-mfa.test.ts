import { OktaAuth } from "@okta/okta-auth-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/crypto/hash-token";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { ISSUER, REDIRECT_URI, type TestUser } from "../oauth/token-fixture";
import { SoftwareAuthenticator } from "../admin/factors-authenticator";
import { createSessionFixture, expectNoStore, oktaError, type SessionFixture } from "./session-fixture";

const INVALID_TOKEN = oktaError("E0000011", "Invalid token provided");
const INVALID_PASSCODE = oktaError("E0000068", "Invalid Passcode/Answer", [{ errorSummary: "Your passcode doesn't match our records. Please try again." }]);
const REUSED = oktaError("E0000082", "Each code can only be used once. Please wait for a new code and try again.");
const post = (orgUrl: string, path: string) => ({ href: `${orgUrl}${path}`, hints: { allow: ["POST"] } });
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

describe.each(testProviders())("/api/v1/authn multi-factor transactions on %s", (provider) => {
  let s: SessionFixture;
  const logged: string[] = [];
  const consoleSpies: Array<{ mockRestore(): void }> = [];

  const authn = (json: unknown) => s.call("POST", "/api/v1/authn", { json, headers: { "X-Forwarded-For": freshIp() } });
  const verify = (factorId: string, json: unknown) => s.call("POST", `/api/v1/authn/factors/${factorId}/verify`, { json, headers: { "X-Forwarded-For": freshIp() } });
  const now = () => s.f.clock.now;
  /** A step of 30 s later: the next TOTP code is a new one. */
  const nextStep = () => s.f.clock.advance(30_000);

  /** Enrolls and activates a TOTP factor through the Factors API; its id and shared secret. */
  /**
   * okta-auth-js 8 over the route handlers, as a browser app's fetch: no cookie jar (a cross-site
   * request carries none), each request from a fresh address; `sent` collects the request bodies.
   */
  function oktaAuth(clientId: string, sent: unknown[] = []) {
    const httpRequestClient = async (method: string, url: string, args: { data?: unknown; headers?: Record<string, string> }) => {
      sent.push(args.data);
      const body = args.data === undefined ? undefined : typeof args.data === "string" ? args.data : JSON.stringify(args.data);
      const response = await callRoute(new Request(url, { method, headers: { ...args.headers, "X-Forwarded-For": freshIp() }, body }));
      const text = await response.text();
      await flushSystemLog(s.f.db);
      return { status: response.status, responseText: text, responseJSON: text ? (JSON.parse(text) as unknown) : undefined, responseType: "json", headers: Object.fromEntries(response.headers.entries()) };
    };
    return new OktaAuth({ issuer: ISSUER, clientId, redirectUri: REDIRECT_URI, httpRequestClient: httpRequestClient as never });
  }

  async function enrollTotp(user: TestUser): Promise<{ id: string; secret: string }> {
    const enrolled = await s.f.api("POST", `/api/v1/users/${user.id}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.status, enrolled.text).toBe(200);
    const secret = enrolled.body._embedded.activation.sharedSecret as string;
    const activated = await s.f.api("POST", `/api/v1/users/${user.id}/factors/${enrolled.body.id}/lifecycle/activate`, { passCode: await generateTotpCode(secret, now()) });
    expect(activated.status, activated.text).toBe(200);
    nextStep();
    return { id: enrolled.body.id, secret };
  }

  beforeAll(async () => {
    s = await createSessionFixture(provider);
    // A sign-on rule before the default: everyone verifies a factor at every sign-in.
    const [signOn] = (await s.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await s.f.api("POST", `/api/v1/policies/${signOn.id}/rules`, {
      type: "SIGN_ON",
      name: "Everyone verifies a factor",
      priority: 1,
      conditions: { people: { users: { include: [], exclude: [] } }, network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
    });
    expect(rule.status, rule.text).toBe(200);
    s.refreshCaches();
    for (const method of ["log", "info", "warn", "error"] as const) {
      consoleSpies.push(vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))));
    }
  });
  afterEach(async () => {
    await flushSystemLog(s.f.db);
  });
  afterAll(() => {
    for (const spy of consoleSpies) spy.mockRestore();
    return s.f.close();
  });

  it("password -> MFA_REQUIRED (stateToken stored hashed) -> wrong code 403 -> right code SUCCESS with amr pwd otp mfa; the stateToken is then refused", async () => {
    const alice = await s.user("Alice");
    const totp = await enrollTotp(alice);
    const first = await authn({ username: alice.login, password: alice.password });
    expect(first.status, first.text).toBe(200);
    expectNoStore(first);
    const stateToken = first.body.stateToken as string;
    expect(stateToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.body).toEqual({
      stateToken,
      expiresAt: new Date(now().getTime() + 5 * 60_000).toISOString(),
      status: "MFA_REQUIRED",
      _embedded: {
        user: expect.objectContaining({ id: alice.id }),
        factors: [
          {
            id: totp.id,
            factorType: "token:software:totp",
            provider: "GOOGLE",
            vendorName: "GOOGLE",
            profile: { credentialId: alice.login },
            _links: { verify: post(ORG_URL, `/api/v1/authn/factors/${totp.id}/verify`) },
          },
        ],
        policy: { allowRememberDevice: true, rememberDeviceLifetimeInMinutes: 15, rememberDeviceByDefault: false, factorsPolicyInfo: {} },
      },
      _links: { cancel: post(ORG_URL, "/api/v1/authn/cancel") },
    });
    expect(await s.f.db.authnTransaction.findUnique({ where: { stateTokenHash: stateToken } })).toBeNull();
    expect(await s.f.db.authnTransaction.findUniqueOrThrow({ where: { stateTokenHash: hashToken(stateToken) } })).toMatchObject({ userId: alice.id, status: "MFA_REQUIRED", amr: ["pwd"] });
    // no session token before the factor
    expect(await s.f.db.sessionToken.count({ where: { userId: alice.id } })).toBe(0);

    // the current state, asked again with the stateToken alone
    const again = await authn({ stateToken });
    expect([again.status, again.body.status, again.body.stateToken]).toEqual([200, "MFA_REQUIRED", stateToken]);

    const code = await generateTotpCode(totp.secret, now());
    const wrong = await verify(totp.id, { stateToken, passCode: code === "000000" ? "111111" : "000000" });
    expect({ status: wrong.status, body: wrong.body }).toEqual({ status: 403, body: INVALID_PASSCODE });
    expect((await s.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts).toBe(1);

    const ok = await verify(totp.id, { stateToken, passCode: code });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({
      expiresAt: new Date(now().getTime() + 5 * 60_000).toISOString(),
      status: "SUCCESS",
      sessionToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      _embedded: { user: expect.objectContaining({ id: alice.id }) },
      _links: { cancel: post(ORG_URL, "/api/v1/authn/cancel") },
    });
    expect(await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(ok.body.sessionToken) } })).toMatchObject({ amr: ["pwd", "otp", "mfa"], factorVerifiedAt: now() });

    // replayed after SUCCESS: refused, whatever the endpoint
    for (const res of [await verify(totp.id, { stateToken, passCode: code }), await authn({ stateToken })]) {
      expect({ status: res.status, body: res.body }).toEqual({ status: 403, body: INVALID_TOKEN });
    }
    // the code was used: a new transaction with it gets E0000082
    const second = await authn({ username: alice.login, password: alice.password });
    const reused = await verify(totp.id, { stateToken: second.body.stateToken, passCode: code });
    expect({ status: reused.status, body: reused.body }).toEqual({ status: 403, body: REUSED });
  });

  it("a user without a factor: MFA_ENROLL -> enroll TOTP -> MFA_ENROLL_ACTIVATE (secret and QR link) -> activate -> SUCCESS", async () => {
    const carol = await s.user("Carol");
    const first = await authn({ username: carol.login, password: carol.password });
    expect(first.status, first.text).toBe(200);
    const stateToken = first.body.stateToken as string;
    const enroll = post(ORG_URL, "/api/v1/authn/factors");
    expect(first.body).toMatchObject({ status: "MFA_ENROLL", stateToken, _links: { cancel: post(ORG_URL, "/api/v1/authn/cancel") } });
    expect(first.body._embedded.factors).toEqual([
      { factorType: "token:software:totp", provider: "OKTA", vendorName: "OKTA", status: "NOT_SETUP", enrollment: "OPTIONAL", _links: { enroll } },
      { factorType: "token:software:totp", provider: "GOOGLE", vendorName: "GOOGLE", status: "NOT_SETUP", enrollment: "OPTIONAL", _links: { enroll } },
      { factorType: "webauthn", provider: "FIDO", vendorName: "FIDO", status: "NOT_SETUP", enrollment: "OPTIONAL", _links: { enroll } },
    ]);

    const enrolled = await s.call("POST", "/api/v1/authn/factors", { json: { stateToken, factorType: "token:software:totp", provider: "OKTA" } });
    expect(enrolled.status, enrolled.text).toBe(200);
    const factor = enrolled.body._embedded.factor;
    expect(enrolled.body).toMatchObject({
      stateToken,
      status: "MFA_ENROLL_ACTIVATE",
      factorResult: "WAITING",
      _links: { next: { name: "activate", ...post(ORG_URL, `/api/v1/authn/factors/${factor.id}/lifecycle/activate`) } },
    });
    expect(factor).toMatchObject({
      factorType: "token:software:totp",
      provider: "OKTA",
      _embedded: {
        activation: {
          timeStep: 30,
          sharedSecret: expect.stringMatching(/^[A-Z2-7]{32}$/),
          encoding: "base32",
          keyLength: 6,
          _links: { qrcode: { href: expect.stringMatching(new RegExp(`^${ORG_URL}/api/v1/users/${carol.id}/factors/${factor.id}/qr/`)), type: "image/png" } },
        },
      },
    });
    const secret = factor._embedded.activation.sharedSecret as string;
    const activate = (passCode: string) => s.call("POST", `/api/v1/authn/factors/${factor.id}/lifecycle/activate`, { json: { stateToken, passCode } });
    expect((await activate("12345")).body).toEqual(INVALID_PASSCODE);
    const done = await activate(await generateTotpCode(secret, now()));
    expect([done.status, done.body.status]).toEqual([200, "SUCCESS"]);
    expect(await s.f.db.userFactor.findUniqueOrThrow({ where: { id: factor.id } })).toMatchObject({ status: "ACTIVE", userId: carol.id });
    expect(await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(done.body.sessionToken) } })).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
  });

  it("factor failures count toward lockout exactly as wrong passwords do; the locked user's stateToken is refused", async () => {
    await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: 3 } } });
    try {
      const dave = await s.user("Dave");
      const totp = await enrollTotp(dave);
      const wrongPassword = await authn({ username: dave.login, password: "Not-The-Password-1" });
      expect(wrongPassword.status).toBe(401);
      const { stateToken } = (await authn({ username: dave.login, password: dave.password })).body;
      // the right password does not reset the count (only a completed sign-in does): the wrong password and two wrong codes lock
      const code = await generateTotpCode(totp.secret, now());
      const bad = code === "000000" ? "111111" : "000000";
      const mark = await s.mark();
      for (let i = 0; i < 2; i++) expect((await verify(totp.id, { stateToken, passCode: bad })).status).toBe(403);
      const user = await s.f.db.user.findUniqueOrThrow({ where: { id: dave.id } });
      expect([user.status, user.failedAttempts]).toEqual(["LOCKED_OUT", 3]);
      const [lock] = await s.events("user.account.lock", mark);
      expect(lock).toMatchObject({ outcomeResult: "SUCCESS" });
      const failures = await s.events("user.authentication.auth_via_mfa", mark);
      expect(failures.map((event) => [event.outcomeResult, event.outcomeReason])).toEqual(Array(2).fill(["FAILURE", "INVALID_PASSCODE"]));
      const after = await verify(totp.id, { stateToken, passCode: code });
      expect({ status: after.status, body: after.body }).toEqual({ status: 403, body: INVALID_TOKEN });
    } finally {
      await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS } } });
    }
  });

  it("password ok, wrong code, password ok, wrong code ... reaches the lockout; a completed sign-in resets the count", async () => {
    await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: 3 } } });
    try {
      const gina = await s.user("Gina");
      const totp = await enrollTotp(gina);
      const code = await generateTotpCode(totp.secret, now());
      const bad = code === "000000" ? "111111" : "000000";
      const failedAttempts = async () => (await s.f.db.user.findUniqueOrThrow({ where: { id: gina.id } })).failedAttempts;

      // a completed sign-in (SUCCESS, the session token) resets what a wrong code counted
      const first = (await authn({ username: gina.login, password: gina.password })).body.stateToken;
      expect((await verify(totp.id, { stateToken: first, passCode: bad })).status).toBe(403);
      expect(await failedAttempts()).toBe(1);
      expect((await verify(totp.id, { stateToken: first, passCode: code })).body.status).toBe("SUCCESS");
      expect(await failedAttempts()).toBe(0);
      nextStep();

      for (let i = 1; i <= 3; i++) {
        const started = await authn({ username: gina.login, password: gina.password });
        expect(started.body.status, started.text).toBe("MFA_REQUIRED");
        expect(await failedAttempts()).toBe(i - 1);
        expect((await verify(totp.id, { stateToken: started.body.stateToken, passCode: bad })).status).toBe(403);
      }
      const user = await s.f.db.user.findUniqueOrThrow({ where: { id: gina.id } });
      expect([user.status, user.failedAttempts]).toEqual(["LOCKED_OUT", 3]);
      expect((await authn({ username: gina.login, password: gina.password })).status).toBe(401);
    } finally {
      await s.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS } } });
    }
  });

  it("enroll and activate through /api/v1/authn are logged as the Factors API logs them (user.mfa.factor.update, .activate)", async () => {
    const hank = await s.user("Hank");
    const { stateToken } = (await authn({ username: hank.login, password: hank.password })).body;
    const mark = await s.mark();
    const enrolled = await s.call("POST", "/api/v1/authn/factors", { json: { stateToken, factorType: "token:software:totp", provider: "GOOGLE" }, headers: { "X-Forwarded-For": "198.51.100.201" } });
    const factor = enrolled.body._embedded.factor;
    const done = await s.call("POST", `/api/v1/authn/factors/${factor.id}/lifecycle/activate`, {
      json: { stateToken, passCode: await generateTotpCode(factor._embedded.activation.sharedSecret, now()) },
      headers: { "X-Forwarded-For": "198.51.100.201" },
    });
    expect(done.body.status, done.text).toBe("SUCCESS");
    const expected = { outcomeResult: "SUCCESS", actorId: hank.id, debugContext: expect.objectContaining({ debugData: { factorId: factor.id, factorType: "token:software:totp", provider: "GOOGLE" } }) };
    const [update, ...moreUpdates] = await s.events("user.mfa.factor.update", mark);
    expect(moreUpdates).toEqual([]);
    expect(JSON.parse(JSON.stringify(update))).toMatchObject({ ...expected, displayMessage: "Enroll factor for user" });
    const [activate, ...moreActivates] = await s.events("user.mfa.factor.activate", mark);
    expect(moreActivates).toEqual([]);
    expect(JSON.parse(JSON.stringify(activate))).toMatchObject({ ...expected, displayMessage: "Activate factor for user" });
    expect(JSON.stringify([update, activate])).not.toContain(factor._embedded.activation.sharedSecret);
  });

  it("rememberDevice=true on verify: the idp_device cookie for the rule's factor lifetime; a DEVICE rule then skips the factor for that browser only", async () => {
    const ivy = await s.user("Ivy");
    const totp = await enrollTotp(ivy);
    // Ivy's own rule: DEVICE mode, before the everyone-ALWAYS rule
    const [signOn] = (await s.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await s.f.api("POST", `/api/v1/policies/${signOn.id}/rules`, {
      type: "SIGN_ON",
      name: "Ivy remembers devices",
      priority: 1,
      conditions: { people: { users: { include: [ivy.id], exclude: [] } }, network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "DEVICE", factorLifetime: 30 } },
    });
    expect(rule.status, rule.text).toBe(200);
    s.refreshCaches();
    try {
      const first = await authn({ username: ivy.login, password: ivy.password });
      expect(first.body.status).toBe("MFA_REQUIRED");
      const verified = await s.call("POST", `/api/v1/authn/factors/${totp.id}/verify?rememberDevice=true`, { json: { stateToken: first.body.stateToken, passCode: await generateTotpCode(totp.secret, now()) } });
      expect(verified.body.status, verified.text).toBe("SUCCESS");
      const setCookies = verified.headers.getSetCookie();
      expect(setCookies).toHaveLength(1);
      expect(setCookies[0]).toMatch(/^idp_device=[A-Za-z0-9_-]{43}; Max-Age=1800; Path=\/; HttpOnly; SameSite=Lax$/);
      const device = setCookies[0]!.split(";")[0]!;

      const remembered = await s.call("POST", "/api/v1/authn", { json: { username: ivy.login, password: ivy.password }, headers: { "X-Forwarded-For": freshIp(), cookie: device } });
      expect(remembered.body.status, remembered.text).toBe("SUCCESS");
      expect(await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(remembered.body.sessionToken) } })).toMatchObject({ amr: ["pwd"] });
      expect((await authn({ username: ivy.login, password: ivy.password })).body.status).toBe("MFA_REQUIRED");

      // without the parameter nothing is remembered
      nextStep();
      const again = await authn({ username: ivy.login, password: ivy.password });
      const plain = await verify(totp.id, { stateToken: again.body.stateToken, passCode: await generateTotpCode(totp.secret, now()) });
      expect(plain.body.status).toBe("SUCCESS");
      expect(plain.headers.getSetCookie()).toEqual([]);
    } finally {
      await s.f.api("DELETE", `/api/v1/policies/${signOn.id}/rules/${rule.body.id}`);
      s.refreshCaches();
    }
  });

  it("context.deviceToken (okta-auth-js signInWithCredentials): a verify with rememberDevice remembers the device for a cross-site app that sends no cookie", async () => {
    const kim = await s.user("Kim");
    const lou = await s.user("Lou");
    const totp = await enrollTotp(kim);
    const louTotp = await enrollTotp(lou);
    const [signOn] = (await s.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await s.f.api("POST", `/api/v1/policies/${signOn.id}/rules`, {
      type: "SIGN_ON",
      name: "Kim and Lou remember devices",
      priority: 1,
      conditions: { people: { users: { include: [kim.id, lou.id], exclude: [] } }, network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "DEVICE", factorLifetime: 30 } },
    });
    expect(rule.status, rule.text).toBe(200);
    s.refreshCaches();
    // A cross-site SPA: okta-auth-js over fetch with no cookie at all (a third-party request carries none).
    const sent: unknown[] = [];
    const auth = oktaAuth("0oaCrossSiteSpa", sent);
    const deviceToken = "Zm9yLXRoaXMtZGV2aWNlLW9ubHktMDEyMzQ1";
    const signIn = (user: TestUser, token?: string) => auth.signInWithCredentials({ username: user.login, password: user.password, ...(token ? { context: { deviceToken: token } } : {}) });
    try {
      const first = await signIn(kim, deviceToken);
      expect(first.status).toBe("MFA_REQUIRED");
      expect(sent[0]).toEqual({ username: kim.login, password: kim.password, context: { deviceToken } });
      const verified = await first.factors![0]!.verify!({ passCode: await generateTotpCode(totp.secret, now()), rememberDevice: true });
      expect(verified.status).toBe("SUCCESS");
      // stored as its hash bound to the user, never the token
      const rows = await s.f.db.rememberedDevice.findMany({ where: { userId: kim.id } });
      expect(rows.map((row) => row.expiresAt)).toContainEqual(new Date(now().getTime() + 30 * 60_000));
      expect(JSON.stringify(rows)).not.toContain(deviceToken);

      const remembered = await signIn(kim, deviceToken);
      expect(remembered.status).toBe("SUCCESS");
      expect(await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(remembered.sessionToken!) } })).toMatchObject({ amr: ["pwd"] });
      // another token, no token, or the same token for another user: the factor as before
      expect((await signIn(kim, "another-device-0123456789abcdefghijk")).status).toBe("MFA_REQUIRED");
      expect((await signIn(kim)).status).toBe("MFA_REQUIRED");
      expect((await signIn(lou, deviceToken)).status).toBe("MFA_REQUIRED");
      // a verify without rememberDevice remembers nothing
      nextStep();
      const louFirst = await signIn(lou, deviceToken);
      expect((await louFirst.factors![0]!.verify!({ passCode: await generateTotpCode(louTotp.secret, now()) })).status).toBe("SUCCESS");
      expect((await signIn(lou, deviceToken)).status).toBe("MFA_REQUIRED");
      // the memory ends with the rule's factor lifetime
      s.f.clock.advance(30 * 60_000);
      expect((await signIn(kim, deviceToken)).status).toBe("MFA_REQUIRED");
      // a token that cannot be a device's secret is refused, never ignored
      for (const bad of ["short", "x".repeat(129), "has spaces in it, 0123456789abcdef"]) {
        const res = await authn({ username: kim.login, password: kim.password, context: { deviceToken: bad } });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: "Api validation failed: context.deviceToken" });
      }
    } finally {
      await s.f.api("DELETE", `/api/v1/policies/${signOn.id}/rules/${rule.body.id}`);
      s.refreshCaches();
    }
  });

  it("WebAuthn: MFA_REQUIRED -> verify without a body: MFA_CHALLENGE -> the signed assertion: SUCCESS with amr pwd hwk user mfa; a replay is refused", async () => {
    const jack = await s.user("Jack");
    const authenticator = new SoftwareAuthenticator("idp.test", ORG_URL);
    const enrolled = await s.f.api("POST", `/api/v1/users/${jack.id}/factors`, { factorType: "webauthn", provider: "FIDO" });
    const activated = await s.f.api("POST", `/api/v1/users/${jack.id}/factors/${enrolled.body.id}/lifecycle/activate`, authenticator.register(enrolled.body._embedded.activation.challenge, { counter: 1 }));
    expect(activated.status, activated.text).toBe(200);
    const factorId = enrolled.body.id as string;

    const first = await authn({ username: jack.login, password: jack.password });
    expect(first.body).toMatchObject({ status: "MFA_REQUIRED", _embedded: { factors: [expect.objectContaining({ id: factorId, factorType: "webauthn", provider: "FIDO" })] } });
    const stateToken = first.body.stateToken as string;
    const challenged = await verify(factorId, { stateToken });
    expect(challenged.status, challenged.text).toBe(200);
    expect(challenged.body).toMatchObject({
      stateToken,
      status: "MFA_CHALLENGE",
      factorResult: "CHALLENGE",
      _embedded: { factor: { id: factorId, factorType: "webauthn", _embedded: { challenge: { challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), userVerification: "required" } } } },
      _links: { next: { name: "verify", ...post(ORG_URL, `/api/v1/authn/factors/${factorId}/verify`) } },
    });
    const challenge = challenged.body._embedded.factor._embedded.challenge.challenge as string;
    // an assertion for another challenge, or by another key: 403 E0000068
    const stranger = new SoftwareAuthenticator("idp.test", ORG_URL);
    expect((await verify(factorId, { stateToken, ...stranger.assert(challenge, 2) })).body).toEqual(INVALID_PASSCODE);

    const again = await verify(factorId, { stateToken });
    const fresh = again.body._embedded.factor._embedded.challenge.challenge as string;
    const signed = authenticator.assert(fresh, 2);
    const done = await verify(factorId, { stateToken, ...signed });
    expect(done.status, done.text).toBe(200);
    expect(done.body.status).toBe("SUCCESS");
    expect(await s.f.db.sessionToken.findUniqueOrThrow({ where: { tokenHash: hashToken(done.body.sessionToken) } })).toMatchObject({ amr: ["pwd", "hwk", "user", "mfa"] });
    // the transaction is over, and the assertion cannot be used again
    expect((await verify(factorId, { stateToken, ...signed })).body).toEqual(INVALID_TOKEN);
  });

  it("concurrent verifications of one code: exactly one SUCCESS, the others E0000082", async () => {
    const erin = await s.user("Erin");
    const totp = await enrollTotp(erin);
    const tokens = await Promise.all([1, 2, 3].map(async () => (await authn({ username: erin.login, password: erin.password })).body.stateToken as string));
    const code = await generateTotpCode(totp.secret, now());
    const results = await Promise.all(tokens.map((stateToken) => verify(totp.id, { stateToken, passCode: code })));
    expect(results.map((res) => res.status).sort()).toEqual([200, 403, 403]);
    expect(results.filter((res) => res.status === 403).map((res) => res.body.errorCode)).toEqual(["E0000082", "E0000082"]);
  });

  it("another user's factor: 404, nothing verified; a stale or cancelled stateToken: E0000011", async () => {
    const frank = await s.user("Frank");
    const grace = await s.user("Grace");
    const frankFactor = await enrollTotp(frank);
    const graceFactor = await enrollTotp(grace);
    const { stateToken } = (await authn({ username: frank.login, password: frank.password })).body;
    const foreign = await verify(graceFactor.id, { stateToken, passCode: await generateTotpCode(graceFactor.secret, now()) });
    expect({ status: foreign.status, body: foreign.body }).toEqual({ status: 404, body: oktaError("E0000007", `Not found: Resource not found: ${graceFactor.id} (UserFactor)`) });

    s.f.clock.advance(5 * 60_000);
    const stale = await verify(frankFactor.id, { stateToken, passCode: await generateTotpCode(frankFactor.secret, now()) });
    expect({ status: stale.status, body: stale.body }).toEqual({ status: 403, body: INVALID_TOKEN });

    const fresh = (await authn({ username: frank.login, password: frank.password })).body.stateToken;
    expect((await s.call("POST", "/api/v1/authn/cancel", { json: { stateToken: fresh } })).status).toBe(200);
    const cancelled = await authn({ stateToken: fresh });
    expect({ status: cancelled.status, body: cancelled.body }).toEqual({ status: 403, body: INVALID_TOKEN });
    for (const bogus of ["", "x".repeat(300), 42]) expect((await authn({ stateToken: bogus })).body.errorCode).toBe("E0000011");
  });

  it("okta-auth-js 8: signInWithCredentials -> MFA_REQUIRED -> factors[0].verify({passCode}) -> SUCCESS; /authorize accepts the session token, the session has the amr", async () => {
    const heidi = await s.user("Heidi");
    const totp = await enrollTotp(heidi);
    const spa = await s.app("SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] }, { token_endpoint_auth_method: "none" });
    await s.assign(spa.appId, heidi.id);
    const auth = oktaAuth(spa.clientId);
    const transaction = await auth.signInWithCredentials({ username: heidi.login, password: heidi.password });
    expect(transaction.status).toBe("MFA_REQUIRED");
    expect(transaction.factors?.map((factor) => factor.id)).toEqual([totp.id]);
    const success = await transaction.factors![0]!.verify!({ passCode: await generateTotpCode(totp.secret, now()) });
    expect(success.status).toBe("SUCCESS");
    const sessionToken = success.sessionToken!;
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const query = new URLSearchParams({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "st", nonce: "n", code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256", sessionToken });
    const res = await callRoute(new Request(`${ISSUER}/v1/authorize?${query}`));
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get("location")!).searchParams.get("code")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await s.f.db.userSession.findFirstOrThrow({ where: { userId: heidi.id }, orderBy: { created: "desc" } });
    expect([session.amr, session.factorVerifiedAt]).toEqual([["pwd", "otp", "mfa"], now()]);
  });

  it("no code, secret or stateToken in any log line (System Log or console)", async () => {
    const ivan = await s.user("Ivan");
    const totp = await enrollTotp(ivan);
    const mark = await s.mark();
    const { stateToken } = (await authn({ username: ivan.login, password: ivan.password })).body;
    const code = await generateTotpCode(totp.secret, now());
    const bad = code === "000000" ? "111111" : "000000";
    await verify(totp.id, { stateToken, passCode: bad });
    expect((await verify(totp.id, { stateToken, passCode: code })).status).toBe(200);
    const events = await s.f.db.systemLogEvent.findMany();
    const text = JSON.stringify(events, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)) + (await s.events("user.authentication.auth_via_mfa", mark)).map((event) => JSON.stringify(event)).join("") + logged.join("\n");
    for (const secret of [code, bad, totp.secret, stateToken]) expect(text).not.toContain(secret);
  });
});
