import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import type { TestApp, TestUser } from "../oauth/token-fixture";
import { createSessionFixture, oktaError, type SessionFixture } from "./session-fixture";

const BLOCKED_ZONE = "nzoYNMPXXHQj7ChzJZ81";

/**
 * A sign-on rule with a network zone decides MFA per client address (POST /api/v1/authn; under the
 * route handlers without `npm start`'s server, the rightmost X-Forwarded-For entry is the peer, as a
 * trusted proxy in front writes it, TRUSTED_PROXY_HOPS 0), and an address in an ACTIVE blocklist
 * zone is refused at every credential check (403), logged as security.request.blocked.
 */
describe.each(testProviders())("network zones deciding sign-ins on %s", (provider) => {
  let s: SessionFixture;
  let alice: TestUser;
  let web: TestApp;
  const authn = (user: TestUser, forwardedFor: string) => s.call("POST", "/api/v1/authn", { json: { username: user.login, password: user.password }, headers: { "X-Forwarded-For": forwardedFor } });

  beforeAll(async () => {
    s = await createSessionFixture(provider);
    const office = await s.f.api("POST", "/api/v1/zones", { type: "IP", name: "Office", gateways: [{ type: "CIDR", value: "203.0.113.0/24" }, { type: "CIDR", value: "2001:db8:1::/48" }] });
    expect(office.status, office.text).toBe(200);
    const [signOn] = (await s.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await s.f.api("POST", `/api/v1/policies/${signOn.id}/rules`, {
      type: "SIGN_ON",
      name: "Off-site sign-ins verify a factor",
      priority: 1,
      conditions: { network: { connection: "ZONE", exclude: [office.body.id] } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
    });
    expect([rule.status, rule.body.conditions?.network]).toEqual([200, { connection: "ZONE", exclude: [office.body.id] }]);
    alice = await s.user("Alice");
    const enrolled = await s.f.api("POST", `/api/v1/users/${alice.id}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
    const secret = enrolled.body._embedded.activation.sharedSecret as string;
    expect((await s.f.api("POST", `/api/v1/users/${alice.id}/factors/${enrolled.body.id}/lifecycle/activate`, { passCode: await generateTotpCode(secret, s.f.clock.now) })).status).toBe(200);
    web = await s.app("Password Web", { application_type: "web", redirect_uris: ["https://web.example.com/cb"], grant_types: ["authorization_code", "password"] });
    await s.assign(web.appId, alice.id);
  });
  afterAll(() => s.f.close());

  it.each([
    ["from the office (IPv4): no factor", "203.0.113.40", "SUCCESS"],
    ["from the office (IPv6)", "2001:db8:1::7", "SUCCESS"],
    ["from the office, as an IPv4-mapped address", "::ffff:203.0.113.41", "SUCCESS"],
    ["from elsewhere: a factor", "192.0.2.10", "MFA_REQUIRED"],
    ["an office address the client wrote left of the proxy's entry is not believed", "203.0.113.40, 192.0.2.11", "MFA_REQUIRED"],
    ["the proxy's entry from the office, whatever the client wrote before it", "192.0.2.12, 203.0.113.42", "SUCCESS"],
  ])("%s", async (_, forwardedFor, status) => {
    const res = await authn(alice, forwardedFor);
    expect([res.status, res.body.status]).toEqual([200, status]);
  });

  it("a deactivated zone holds no address: the exclude rule then matches everywhere", async () => {
    const [office] = (await s.f.api("GET", `/api/v1/zones?filter=${encodeURIComponent('usage eq "POLICY"')}`)).body.filter((zone: { name: string }) => zone.name === "Office");
    expect((await s.f.api("POST", `/api/v1/zones/${office.id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await authn(alice, "203.0.113.43")).body.status).toBe("MFA_REQUIRED");
    expect((await s.f.api("POST", `/api/v1/zones/${office.id}/lifecycle/activate`)).status).toBe(200);
    expect((await authn(alice, "203.0.113.43")).body.status).toBe("SUCCESS");
  });

  describe("a blocklist zone", () => {
    beforeAll(async () => {
      const saved = await s.f.api("PUT", `/api/v1/zones/${BLOCKED_ZONE}`, { type: "IP", name: "BlockedIpZone", usage: "BLOCKLIST", gateways: [{ type: "RANGE", value: "192.0.2.66-192.0.2.70" }] });
      expect(saved.status, saved.text).toBe(200);
    });

    it("refuses /api/v1/authn from its addresses with 403 E0000006, before the password is checked, and logs security.request.blocked", async () => {
      const before = (await s.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts;
      const res = await s.call("POST", "/api/v1/authn", { json: { username: alice.login, password: "wrong-password" }, headers: { "X-Forwarded-For": "192.0.2.67" } });
      expect([res.status, res.body]).toEqual([403, oktaError("E0000006", "You do not have permission to perform the requested action")]);
      expect((await s.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts).toBe(before);
      await flushSystemLog(s.f.db);
      const [event] = await readLogEvents(s.f.db, { where: { eventType: "security.request.blocked" }, orderBy: { published: "desc" } });
      expect(event).toMatchObject({ outcomeResult: "DENY", outcomeReason: "The IP address is in the BLOCKLIST network zone BlockedIpZone", client: { ipAddress: "192.0.2.67" }, target: [{ id: BLOCKED_ZONE, type: "NetworkZone" }] });
      expect((await authn(alice, "192.0.2.71")).body.status).toBe("MFA_REQUIRED");
    });

    it("refuses the token endpoint (client authentication, the password grant) with 403 access_denied", async () => {
      const res = await s.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid" }, { basic: s.basic(web), headers: { "X-Forwarded-For": "192.0.2.68" } });
      expect([res.status, res.body]).toEqual([403, { error: "access_denied", error_description: "Requests from this network are not allowed." }]);
      const allowed = await s.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid" }, { basic: s.basic(web), headers: { "X-Forwarded-For": "192.0.2.80" } });
      expect(allowed.status).toBe(200);
    });

    it("blocks nothing once deactivated", async () => {
      expect((await s.f.api("POST", `/api/v1/zones/${BLOCKED_ZONE}/lifecycle/deactivate`)).status).toBe(200);
      expect((await authn(alice, "192.0.2.69")).body.status).toBe("MFA_REQUIRED");
    });
  });
});
