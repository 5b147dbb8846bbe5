import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { decryptSecret } from "@/lib/crypto/decrypt-secret";
import { deriveKey } from "@/lib/crypto/derive-key";
import { factorSecretContext } from "@/lib/factors/factor-secret-context";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { APP_SECRET, createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { countLogEvents, readLogEvent } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { SoftwareAuthenticator } from "./factors-authenticator";

const ANY_ERROR_ID = expect.stringMatching(/^oae[0-9A-Za-z]{22}$/);
const error = (errorCode: string, errorSummary: string, causes: string[] = []) => ({
  errorCode,
  errorSummary,
  errorLink: errorCode,
  errorId: ANY_ERROR_ID,
  errorCauses: causes.map((cause) => ({ errorSummary: cause })),
});
const INVALID_PASSCODE = error("E0000068", "Invalid Passcode/Answer", ["Your passcode doesn't match our records. Please try again."]);
const PASSCODE_REUSED = error("E0000082", "Each code can only be used once. Please wait for a new code and try again.");
const T0 = "2026-01-15T10:00:00.000Z";
const secretsKey = deriveKey(APP_SECRET, "secrets-at-rest");

describe.each(testProviders())("Factors API on %s", (provider) => {
  let f: AdminFixture;
  let dade: { id: string; login: string };
  let kate: { id: string; login: string };
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    dade = await user("dade");
    kate = await user("kate");
  });
  afterAll(() => f.close());

  async function user(name: string) {
    const login = `${name}@example.com`;
    const res = await f.api("POST", "/api/v1/users?activate=true", { profile: { firstName: name, lastName: "Murphy", email: login, login }, credentials: { password: { value: "a long enough password 1" } } });
    expect(res.status).toBe(200);
    return { id: res.body.id as string, login };
  }
  const factors = (userId: string) => `/api/v1/users/${userId}/factors`;
  const userLink = (userId: string) => ({ href: `${ORG_URL}/api/v1/users/${userId}`, hints: { allow: ["GET"] } });
  const pendingLinks = (userId: string, id: string) => ({
    activate: { href: `${ORG_URL}${factors(userId)}/${id}/lifecycle/activate`, hints: { allow: ["POST"] } },
    self: { href: `${ORG_URL}${factors(userId)}/${id}`, hints: { allow: ["GET"] } },
    user: userLink(userId),
  });
  const activeLinks = (userId: string, id: string) => ({
    verify: { href: `${ORG_URL}${factors(userId)}/${id}/verify`, hints: { allow: ["POST"] } },
    self: { href: `${ORG_URL}${factors(userId)}/${id}`, hints: { allow: ["GET", "DELETE"] } },
    user: userLink(userId),
  });
  const totpActivation = (userId: string, id: string, sharedSecret: string) => ({
    timeStep: 30,
    sharedSecret,
    encoding: "base32",
    keyLength: 6,
    _links: { qrcode: { href: expect.stringMatching(new RegExp(`^${ORG_URL}${factors(userId)}/${id}/qr/[A-Za-z0-9_-]{32}$`)), type: "image/png" } },
  });

  describe("TOTP", () => {
    let id: string;
    let secret: string;

    it("lists the catalog of factors this server enrolls", async () => {
      const res = await f.api("GET", `${factors(dade.id)}/catalog`);
      expect(res.status).toBe(200);
      const enroll = { enroll: { href: `${ORG_URL}${factors(dade.id)}`, hints: { allow: ["POST"] } } };
      expect(res.body).toEqual([
        { factorType: "token:software:totp", provider: "OKTA", vendorName: "OKTA", enrollment: "OPTIONAL", _links: enroll },
        { factorType: "token:software:totp", provider: "GOOGLE", vendorName: "GOOGLE", enrollment: "OPTIONAL", _links: enroll },
        { factorType: "webauthn", provider: "FIDO", vendorName: "FIDO", enrollment: "OPTIONAL", _links: enroll },
      ]);
    });

    it("enrolls Google Authenticator: PENDING_ACTIVATION with the shared secret, encrypted at rest, and logs user.mfa.factor.update", async () => {
      const res = await f.api("POST", factors(dade.id), { factorType: "token:software:totp", provider: "GOOGLE" });
      expect(res.status).toBe(200);
      id = res.body.id;
      secret = res.body._embedded.activation.sharedSecret;
      expect(id).toMatch(/^uft[0-9A-Za-z]{17}$/);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(res.body).toEqual({
        id,
        factorType: "token:software:totp",
        provider: "GOOGLE",
        vendorName: "GOOGLE",
        status: "PENDING_ACTIVATION",
        created: T0,
        lastUpdated: T0,
        profile: { credentialId: dade.login },
        _links: pendingLinks(dade.id, id),
        _embedded: { activation: totpActivation(dade.id, id, secret) },
      });
      const row = await f.db.userFactor.findUniqueOrThrow({ where: { id } });
      expect(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(secret);
      expect(row.secretEncrypted).toMatch(/^v1\./);
      expect(decryptSecret(row.secretEncrypted!, secretsKey, factorSecretContext(id))).toBe(secret);
      expect(() => decryptSecret(row.secretEncrypted!, secretsKey, factorSecretContext("ostOtherFactor000000"))).toThrow();
      const event = await readLogEvent(f.db, { where: { eventType: "user.mfa.factor.update" } });
      expect(event.target).toEqual([expect.objectContaining({ id: dade.id, type: "User", alternateId: dade.login })]);
      expect(event.debugContext).toMatchObject({ debugData: { factorId: id, factorType: "token:software:totp", provider: "GOOGLE" } });
      expect(JSON.stringify(event)).not.toContain(secret);
    });

    it("shows a pending factor with its activation (get, list) and serves its QR code as a PNG", async () => {
      const get = await f.api("GET", `${factors(dade.id)}/${id}`);
      expect(get.status).toBe(200);
      expect(get.body._embedded).toEqual({ activation: totpActivation(dade.id, id, secret) });
      const list = await f.api("GET", factors(dade.id));
      expect(list.status).toBe(200);
      expect(list.body).toEqual([get.body]);
      const qrPath = (get.body._embedded.activation._links.qrcode.href as string).slice(ORG_URL.length);
      const qr = await f.api("GET", qrPath);
      expect(qr.status).toBe(200);
      expect(qr.headers.get("content-type")).toBe("image/png");
      expect(qr.headers.get("cache-control")).toBe("no-cache, no-store");
      const wrong = await f.api("GET", `${factors(dade.id)}/${id}/qr/${"A".repeat(32)}`);
      expect(wrong.status).toBe(404);
      expect(wrong.body).toEqual(error("E0000007", `Not found: Resource not found: ${id} (UserFactor)`));
      expect((await f.api("GET", qrPath, undefined, { token: null })).status).toBe(401);
    });

    it("refuses a wrong code (403 E0000068) and activates with a current one, logging user.mfa.factor.activate", async () => {
      const code = await generateTotpCode(secret, f.clock.now);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      const bad = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, { passCode: wrong });
      expect(bad.status).toBe(403);
      expect(bad.body).toEqual(INVALID_PASSCODE);
      f.clock.advance(1000);
      const res = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, { passCode: code });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        factorType: "token:software:totp",
        provider: "GOOGLE",
        vendorName: "GOOGLE",
        status: "ACTIVE",
        created: T0,
        lastUpdated: "2026-01-15T10:00:01.000Z",
        lastVerified: "2026-01-15T10:00:01.000Z",
        profile: { credentialId: dade.login },
        _links: activeLinks(dade.id, id),
      });
      const event = await readLogEvent(f.db, { where: { eventType: "user.mfa.factor.activate" } });
      expect(event.debugContext).toMatchObject({ debugData: { factorId: id } });
      // the user is told, in the activation's transaction; the wrong code before sent nothing
      const notices = (await listMailMessages(f.db, { to: dade.login })).filter((mail) => mail.template === "factor-enrolled");
      expect(notices.map((mail) => ({ userId: mail.userId, status: mail.status, subject: mail.subject }))).toEqual([{ userId: dade.id, status: "QUEUED", subject: "A sign-in method was added to your account" }]);
      expect(notices[0]!.textBody).toContain("Google Authenticator was added as a sign-in method to your account");
      const again = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, { passCode: code });
      expect(again.status).toBe(400);
      expect(again.body).toEqual(error("E0000001", "Api validation failed: factor", ["factor: The factor is already active; only a PENDING_ACTIVATION factor can be activated."]));
      // no secret shown once active, and the QR code is gone
      expect((await f.api("GET", `${factors(dade.id)}/${id}`)).body._embedded).toBeUndefined();
    });

    it("verifies each code once: the activation code is used (E0000082), the next step's code succeeds once", async () => {
      const used = await generateTotpCode(secret, f.clock.now);
      const replay = await f.api("POST", `${factors(dade.id)}/${id}/verify`, { passCode: used });
      expect(replay.status).toBe(403);
      expect(replay.body).toEqual(PASSCODE_REUSED);
      f.clock.advance(30_000);
      const next = await generateTotpCode(secret, f.clock.now);
      const ok = await f.api("POST", `${factors(dade.id)}/${id}/verify`, { passCode: next });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ factorResult: "SUCCESS" });
      // lastVerified follows every accepted code; lastUpdated does not (a use is not a change)
      expect((await f.api("GET", `${factors(dade.id)}/${id}`)).body).toMatchObject({ lastUpdated: "2026-01-15T10:00:01.000Z", lastVerified: f.clock.now.toISOString() });
      const twice = await f.api("POST", `${factors(dade.id)}/${id}/verify`, { passCode: next });
      expect(twice.status).toBe(403);
      expect(twice.body).toEqual(PASSCODE_REUSED);
      // the code of the step before the last accepted one is refused as used too
      expect((await f.api("POST", `${factors(dade.id)}/${id}/verify`, { passCode: await generateTotpCode(secret, new Date(f.clock.now.getTime() - 30_000)) })).body.errorCode).toBe("E0000082");
      const wrong = await f.api("POST", `${factors(dade.id)}/${id}/verify`, { passCode: "12345" });
      expect(wrong.status).toBe(403);
      expect(wrong.body).toEqual(INVALID_PASSCODE);
      expect(await countLogEvents(f.db, { eventType: "user.authentication.auth_via_mfa", outcomeResult: "SUCCESS" })).toBe(1);
      expect(await countLogEvents(f.db, { eventType: "user.authentication.auth_via_mfa", outcomeResult: "FAILURE" })).toBe(4);
      const failure = await readLogEvent(f.db, { where: { eventType: "user.authentication.auth_via_mfa", outcomeResult: "FAILURE", outcomeReason: "PASSCODE_REPLAYED" } });
      expect(JSON.stringify(failure)).not.toContain(next);
    });

    it("accepts one of concurrent verifications of one code", async () => {
      f.clock.advance(30_000);
      const code = await generateTotpCode(secret, f.clock.now);
      const results = await Promise.all(Array.from({ length: 4 }, () => f.api("POST", `${factors(dade.id)}/${id}/verify`, { passCode: code })));
      expect(results.map((r) => r.status).sort()).toEqual([200, 403, 403, 403]);
      expect(results.filter((r) => r.status === 403).map((r) => r.body.errorCode)).toEqual(["E0000082", "E0000082", "E0000082"]);
    });

    it("refuses a second Google Authenticator (400) and enrolls Okta Verify TOTP active at once with activate=true", async () => {
      const again = await f.api("POST", factors(dade.id), { factorType: "token:software:totp", provider: "GOOGLE" });
      expect(again.status).toBe(400);
      expect(again.body).toEqual(error("E0000001", "Api validation failed: factorEnrollRequest", ["A factor of this type is already set up."]));
      const res = await f.api("POST", `${factors(dade.id)}?activate=true`, { factorType: "token:software:totp", provider: "OKTA" });
      expect(res.status).toBe(200);
      expect(res.body.id).toMatch(/^ost[0-9A-Za-z]{17}$/);
      expect(res.body.status).toBe("ACTIVE");
      expect(res.body._links).toEqual(activeLinks(dade.id, res.body.id));
      expect(res.body._embedded.activation).toEqual(totpActivation(dade.id, res.body.id, res.body._embedded.activation.sharedSecret));
      const qr = await f.api("GET", (res.body._embedded.activation._links.qrcode.href as string).slice(ORG_URL.length));
      expect(qr.status).toBe(200);
      const code = await generateTotpCode(res.body._embedded.activation.sharedSecret, f.clock.now);
      expect((await f.api("POST", `${factors(dade.id)}/${res.body.id}/verify`, { passCode: code })).body).toEqual({ factorResult: "SUCCESS" });
    });

    it("re-enrolling a pending TOTP factor replaces it (new id, new secret)", async () => {
      const first = await f.api("POST", factors(kate.id), { factorType: "token:software:totp", provider: "GOOGLE" });
      const second = await f.api("POST", factors(kate.id), { factorType: "token:software:totp", provider: "GOOGLE" });
      expect(second.status).toBe(200);
      expect(second.body.id).not.toBe(first.body.id);
      expect(second.body._embedded.activation.sharedSecret).not.toBe(first.body._embedded.activation.sharedSecret);
      expect((await f.api("GET", `${factors(kate.id)}/${first.body.id}`)).status).toBe(404);
      expect((await f.api("GET", (first.body._embedded.activation._links.qrcode.href as string).slice(ORG_URL.length))).status).toBe(404);
      expect((await f.api("GET", factors(kate.id))).body.map((x: { id: string }) => x.id)).toEqual([second.body.id]);
    });
  });

  describe("WebAuthn", () => {
    const authenticator = new SoftwareAuthenticator("idp.test", ORG_URL);
    let id: string;

    const challengeOf = async (factorId: string) => {
      const res = await f.api("POST", `${factors(dade.id)}/${factorId}/verify`);
      expect(res.status).toBe(200);
      return res.body._embedded.challenge.challenge as string;
    };

    it("enrolls a WebAuthn factor with the credential creation options", async () => {
      const res = await f.api("POST", factors(dade.id), { factorType: "webauthn", provider: "FIDO" });
      expect(res.status).toBe(200);
      id = res.body.id;
      expect(id).toMatch(/^fwf[0-9A-Za-z]{17}$/);
      expect(res.body).toEqual({
        id,
        factorType: "webauthn",
        provider: "FIDO",
        vendorName: "FIDO",
        status: "PENDING_ACTIVATION",
        created: f.clock.now.toISOString(),
        lastUpdated: f.clock.now.toISOString(),
        _links: pendingLinks(dade.id, id),
        _embedded: {
          activation: {
            rp: { name: "idp.test", id: "idp.test" },
            user: { id: dade.id, name: dade.login, displayName: "dade Murphy" },
            challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
            pubKeyCredParams: [
              { alg: -7, type: "public-key" },
              { alg: -257, type: "public-key" },
            ],
            timeout: 300000,
            attestation: "none",
            excludeCredentials: [],
            authenticatorSelection: { residentKey: "preferred", userVerification: "required", requireResidentKey: false },
            extensions: { credProps: true },
            hints: [],
          },
        },
      });
      const challenge = res.body._embedded.activation.challenge;
      // a registration without user verification is refused, and uses up the challenge
      const noUv = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, authenticator.register(challenge, { flags: 0x41 }));
      expect(noUv.status).toBe(403);
      expect(noUv.body).toEqual(INVALID_PASSCODE);
      const replay = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, authenticator.register(challenge, { counter: 1 }));
      expect(replay.status).toBe(403);
    });

    it("activates with a registration from the authenticator, storing its public key and counter", async () => {
      const enrolled = await f.api("POST", factors(dade.id), { factorType: "webauthn", provider: "FIDO" });
      id = enrolled.body.id;
      const challenge = enrolled.body._embedded.activation.challenge;
      const wrongOrigin = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, authenticator.register(challenge, { origin: "https://evil.example" }));
      expect(wrongOrigin.status).toBe(403);
      const fresh = await f.api("POST", factors(dade.id), { factorType: "webauthn", provider: "FIDO" });
      expect((await f.api("GET", `${factors(dade.id)}/${id}`)).status).toBe(200); // each enrollment its own factor
      id = fresh.body.id;
      const body = authenticator.register(fresh.body._embedded.activation.challenge, { counter: 1 });
      const res = await f.api("POST", `${factors(dade.id)}/${id}/lifecycle/activate`, { ...body, attestation: Buffer.from(body.attestation, "base64url").toString("base64") });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id,
        factorType: "webauthn",
        provider: "FIDO",
        vendorName: "FIDO",
        status: "ACTIVE",
        created: f.clock.now.toISOString(),
        lastUpdated: f.clock.now.toISOString(),
        lastVerified: f.clock.now.toISOString(),
        // an all-zero AAGUID names no model; a credential bound to its device (not backup eligible) is a security key
        profile: { credentialId: authenticator.credentialIdBase64Url, authenticatorName: "Security key" },
        _links: activeLinks(dade.id, id),
      });
      const row = await f.db.userFactor.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ credentialId: authenticator.credentialIdBase64Url, signCount: 1n, aaguid: "00000000-0000-0000-0000-000000000000", secretEncrypted: null });
      expect(row.publicKey?.length).toBeGreaterThan(60);
      // a new enrollment excludes the registered credential
      const next = await f.api("POST", factors(dade.id), { factorType: "webauthn", provider: "FIDO" });
      expect(next.body._embedded.activation.excludeCredentials).toEqual([{ id: authenticator.credentialIdBase64Url, type: "public-key" }]);
      expect((await f.api("DELETE", `${factors(dade.id)}/${next.body.id}`)).status).toBe(204);
    });

    it.each([
      ["a known AAGUID: the model's name", "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", 0x4d, "Google Password Manager"],
      ["an unknown AAGUID, backup eligible (synced): Passkey", "0badc0de-0000-4000-8000-000000000001", 0x4d, "Passkey"],
      ["an unknown AAGUID, bound to its device: Security key", "0badc0de-0000-4000-8000-000000000002", 0x45, "Security key"],
    ])("names the authenticator (profile.authenticatorName): %s", async (_, aaguid, flags, name) => {
      f.clock.advance(60_000); // a fresh minute of the user's factor budget
      const other = new SoftwareAuthenticator("idp.test", ORG_URL);
      const enrolled = await f.api("POST", factors(dade.id), { factorType: "webauthn", provider: "FIDO" });
      const res = await f.api("POST", `${factors(dade.id)}/${enrolled.body.id}/lifecycle/activate`, other.register(enrolled.body._embedded.activation.challenge, { aaguid, flags }));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.profile).toEqual({ credentialId: other.credentialIdBase64Url, authenticatorName: name });
      expect(await f.db.userFactor.findUniqueOrThrow({ where: { id: enrolled.body.id }, select: { aaguid: true } })).toEqual({ aaguid });
      expect((await f.api("DELETE", `${factors(dade.id)}/${enrolled.body.id}`)).status).toBe(204);
    });

    it("a WebAuthn factor activated before names were kept is named from its AAGUID", async () => {
      f.clock.advance(60_000);
      const other = new SoftwareAuthenticator("idp.test", ORG_URL);
      const enrolled = await f.api("POST", factors(dade.id), { factorType: "webauthn", provider: "FIDO" });
      expect((await f.api("POST", `${factors(dade.id)}/${enrolled.body.id}/lifecycle/activate`, other.register(enrolled.body._embedded.activation.challenge, { aaguid: "08987058-cadc-4b81-b6e1-30de50dcbe96" }))).status).toBe(200);
      await f.db.userFactor.update({ where: { id: enrolled.body.id }, data: { profile: { credentialId: other.credentialIdBase64Url } } });
      expect((await f.api("GET", `${factors(dade.id)}/${enrolled.body.id}`)).body.profile).toEqual({ credentialId: other.credentialIdBase64Url, authenticatorName: "Windows Hello" });
      await f.db.userFactor.update({ where: { id: enrolled.body.id }, data: { aaguid: null } });
      expect((await f.api("GET", `${factors(dade.id)}/${enrolled.body.id}`)).body.profile.authenticatorName).toBe("Passkey");
      expect((await f.api("DELETE", `${factors(dade.id)}/${enrolled.body.id}`)).status).toBe(204);
    });

    it("issues a challenge and verifies a signed assertion; a replayed one and a counter regression are refused", async () => {
      f.clock.advance(60_000); // a fresh minute of the user's factor budget
      const first = await f.api("POST", `${factors(dade.id)}/${id}/verify`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        factorResult: "CHALLENGE",
        profile: { credentialId: authenticator.credentialIdBase64Url, authenticatorName: "Security key" },
        _links: {
          verify: { href: `${ORG_URL}${factors(dade.id)}/${id}/verify`, hints: { allow: ["POST"] } },
          factor: { href: `${ORG_URL}${factors(dade.id)}/${id}`, hints: { allow: ["GET", "DELETE"] } },
        },
        _embedded: { challenge: { challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), extensions: {}, userVerification: "required", timeout: 300000 } },
      });
      const assertion = authenticator.assert(first.body._embedded.challenge.challenge, 2);
      const ok = await f.api("POST", `${factors(dade.id)}/${id}/verify`, assertion);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ factorResult: "SUCCESS" });
      expect((await f.db.userFactor.findUniqueOrThrow({ where: { id } })).signCount).toBe(2n);
      const replayed = await f.api("POST", `${factors(dade.id)}/${id}/verify`, assertion);
      expect(replayed.status).toBe(403);
      expect(replayed.body).toEqual(INVALID_PASSCODE);
      for (const counter of [2, 1]) {
        const regressed = await f.api("POST", `${factors(dade.id)}/${id}/verify`, authenticator.assert(await challengeOf(id), counter));
        expect(regressed.status).toBe(403);
        expect(regressed.body).toEqual(INVALID_PASSCODE);
      }
      f.clock.advance(60_000);
      const noUv = await f.api("POST", `${factors(dade.id)}/${id}/verify`, authenticator.assert(await challengeOf(id), 3, { flags: 0x01 }));
      expect(noUv.status).toBe(403);
      const other = new SoftwareAuthenticator("idp.test", ORG_URL);
      expect((await f.api("POST", `${factors(dade.id)}/${id}/verify`, other.assert(await challengeOf(id), 9))).status).toBe(403);
      const later = await f.api("POST", `${factors(dade.id)}/${id}/verify`, authenticator.assert(await challengeOf(id), 7));
      expect(later.body).toEqual({ factorResult: "SUCCESS" });
      expect((await f.db.userFactor.findUniqueOrThrow({ where: { id } })).signCount).toBe(7n);
      expect((await f.api("GET", `${factors(dade.id)}/${id}`)).body.lastVerified).toBe(f.clock.now.toISOString());
      const failure = await readLogEvent(f.db, { where: { eventType: "user.authentication.auth_via_mfa", outcomeResult: "FAILURE", outcomeReason: { contains: "counter" } } });
      expect(failure.debugContext).toMatchObject({ debugData: { factorId: id, factorType: "webauthn" } });
      const partial = await f.api("POST", `${factors(dade.id)}/${id}/verify`, { clientData: assertion.clientData });
      expect(partial.status).toBe(400);
      expect(partial.body).toEqual(
        error("E0000001", "Api validation failed: authenticatorData", ["authenticatorData: The field cannot be left blank.", "signatureData: The field cannot be left blank."]),
      );
    });
  });

  describe("errors, reset and limits", () => {
    it("answers 404 for an unknown user or factor, and for another user's factor", async () => {
      const noUser = await f.api("GET", factors("00uNoSuchUser0000000"));
      expect(noUser.status).toBe(404);
      expect(noUser.body).toEqual(error("E0000007", "Not found: Resource not found: 00uNoSuchUser0000000 (User)"));
      const dadeFactor = (await f.api("GET", factors(dade.id))).body[0].id as string;
      for (const [method, path] of [
        ["GET", `${factors(kate.id)}/${dadeFactor}`],
        ["DELETE", `${factors(kate.id)}/${dadeFactor}`],
        ["POST", `${factors(kate.id)}/${dadeFactor}/verify`],
        ["POST", `${factors(kate.id)}/${dadeFactor}/lifecycle/activate`],
        ["GET", `${factors(dade.id)}/uftNoSuchFactor00000`],
      ] as const) {
        const res = await f.api(method, path, method === "POST" ? { passCode: "123456" } : undefined);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.errorCode).toBe("E0000007");
      }
      expect((await f.api("GET", `${factors(dade.id)}/${dadeFactor}`)).status).toBe(200);
    });

    it("refuses bad enroll and verify bodies with Okta's errors", async () => {
      const unsupported = await f.api("POST", factors(kate.id), { factorType: "sms", provider: "OKTA" });
      expect(unsupported.status).toBe(400);
      expect(unsupported.body).toEqual(error("E0000001", "Api validation failed: factorEnrollRequest", ["The factor type sms with provider OKTA is not supported."]));
      const blank = await f.api("POST", factors(kate.id), { provider: "OKTA" });
      expect(blank.status).toBe(400);
      expect(blank.body).toEqual(error("E0000001", "Api validation failed: factorType", ["factorType: The field cannot be left blank."]));
      expect((await f.api("POST", factors(kate.id), undefined, { rawBody: "{", headers: { "Content-Type": "application/json" } })).body.errorCode).toBe("E0000003");
      const badActivate = await f.api("POST", `${factors(kate.id)}?activate=maybe`, { factorType: "webauthn", provider: "FIDO" });
      expect(badActivate.status).toBe(400);
      const pending = (await f.api("GET", factors(kate.id))).body[0].id as string;
      const notActive = await f.api("POST", `${factors(kate.id)}/${pending}/verify`, { passCode: "123456" });
      expect(notActive.status).toBe(400);
      expect(notActive.body).toEqual(error("E0000001", "Api validation failed: factor", ["factor: The factor is not active; activate it before verifying it."]));
      const noCode = await f.api("POST", `${factors(kate.id)}/${pending}/lifecycle/activate`, {});
      expect(noCode.status).toBe(400);
      expect(noCode.body).toEqual(error("E0000001", "Api validation failed: passCode", ["passCode: The field cannot be left blank."]));
      expect((await f.api("GET", factors(kate.id), undefined, { token: null })).status).toBe(401);
      expect((await f.api("PUT", factors(kate.id), {})).status).toBe(405);
    });

    it("rate-limits factor checks per user (429 E0000047)", async () => {
      f.clock.advance(60_000); // a fresh minute: the checks above counted too
      const pending = (await f.api("GET", factors(kate.id))).body[0].id as string;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await f.api("POST", `${factors(kate.id)}/${pending}/lifecycle/activate`, { passCode: "000000" })).status);
      expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
      const limited = await f.api("POST", `${factors(kate.id)}/${pending}/lifecycle/activate`, { passCode: "000000" });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual(error("E0000047", "API call exceeded rate limit due to too many requests."));
      expect(limited.headers.get("x-rate-limit-limit")).toBe("10");
      f.clock.advance(60_000);
      expect((await f.api("POST", `${factors(kate.id)}/${pending}/lifecycle/activate`, { passCode: "000000" })).status).toBe(403);
    });

    it("deletes one factor (204, user.mfa.factor.deactivate) and resets all (200 {}, user.mfa.factor.reset_all)", async () => {
      const before = (await f.api("GET", factors(dade.id))).body as Array<{ id: string }>;
      expect(before.map((factor) => factor.id.slice(0, 3))).toEqual(["uft", "fwf", "fwf", "fwf", "ost"]); // oldest first, ties by id
      const del = await f.api("DELETE", `${factors(dade.id)}/${before[0]!.id}`);
      expect(del.status).toBe(204);
      expect(del.text).toBe("");
      expect((await f.api("GET", `${factors(dade.id)}/${before[0]!.id}`)).status).toBe(404);
      expect((await f.api("DELETE", `${factors(dade.id)}/${before[0]!.id}`)).status).toBe(404);
      expect((await readLogEvent(f.db, { where: { eventType: "user.mfa.factor.deactivate" }, orderBy: { published: "desc" } })).debugContext).toMatchObject({ debugData: { factorId: before[0]!.id } });
      const reset = await f.api("POST", `/api/v1/users/${dade.id}/lifecycle/reset_factors`);
      expect(reset.status).toBe(200);
      expect(reset.body).toEqual({});
      expect((await f.api("GET", factors(dade.id))).body).toEqual([]);
      expect(await f.db.webAuthnChallenge.count({ where: { factor: { userId: dade.id } } })).toBe(0);
      const event = await readLogEvent(f.db, { where: { eventType: "user.mfa.factor.reset_all" } });
      expect(event.debugContext).toMatchObject({ debugData: { factorIds: before.slice(1).map((factor) => factor.id) } });
      expect((await f.api("POST", `/api/v1/users/${dade.id}/lifecycle/reset_factors`)).status).toBe(200);
    });
  });
});
