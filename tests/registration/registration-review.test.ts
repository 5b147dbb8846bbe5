import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { REGISTRATION_RATE_LIMITS, registerUser } from "@/lib/registration/register-user";
import { verifyRegistration } from "@/lib/registration/verify-registration";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { createTestAdmin } from "../admin-roles/role-test-actors";
import { act, sessionCookie } from "../dashboard/dashboard-fixture";

const PASSWORD = "correct-horse-battery";
const DENIED = "core.user.admin_privilege.denied";
const FORBIDDEN = "You do not have permission to perform the requested action";
/** The dashboard's settings form as it posts (every field; registration on, a generous org-wide rate). */
const SETTINGS_FORM = { lockoutThreshold: "10", sessionIdleMinutes: "120", sessionMaxMinutes: "1440", refreshTokenGraceSeconds: "30", systemLogRetentionDays: "90", recoveryTokenLifetimeMinutes: "60", registrationLinkLifetimeMinutes: "1440", registrationsPerMinute: "1000", defaultLocale: "en", selfServiceRegistration: "true" };

/** Fixes from the security review of self-service registration: each case fails without its fix. */
describe.each(testProviders())("self-service registration, review fixes on %s", (provider) => {
  let f: AdminFixture;
  let ip = 0;
  const client = (ipAddress = `198.51.100.${(++ip % 250) + 1}`) => ({ ipAddress, userAgent: "vitest" });
  const register = (email: string, options: { password?: string; ipAddress?: string; now?: Date } = {}) =>
    registerUser(f.db, { values: { email, firstName: "Eve", lastName: "Mallory" }, password: options.password ?? PASSWORD, orgUrl: ORG_URL, now: options.now ?? f.clock.now, client: client(options.ipAddress) });
  async function linkToken(to: string): Promise<string> {
    const [newest] = await listMailMessages(f.db, { to });
    expect(newest?.template).toBe("email-verification");
    return /\/signin\/verify-email\/([A-Za-z0-9_-]{43})/.exec(newest?.textBody ?? "")![1]!;
  }
  const userOf = (login: string) => f.db.user.findUniqueOrThrow({ where: { loginLower: login } });
  async function group(name: string, role?: string): Promise<string> {
    const id = (await f.api("POST", "/api/v1/groups", { profile: { name } })).body.id as string;
    if (role) expect((await f.api("POST", `/api/v1/groups/${id}/roles`, { type: role })).status).toBe(201);
    return id;
  }

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    expect((await f.api("POST", "/api/v1/org/settings", { selfServiceRegistration: true, registrationsPerMinute: 1000 })).status).toBe(200);
  });
  afterAll(() => f.close());

  it("verification never joins a default group that carries an admin role (SKIPPED event), only the plain ones", async () => {
    const supers = await group("Super administrators", "SUPER_ADMIN");
    const plain = await group("Customers");
    // listed by a SUPER_ADMIN (or before this fix, by anyone with orgs.manage)
    expect((await f.api("POST", "/api/v1/org/settings", { registrationDefaultGroupIds: [supers, plain] })).status).toBe(200);
    expect(await register("escalate@example.com")).toMatchObject({ outcome: "accepted" });
    const token = await linkToken("escalate@example.com");
    expect(await verifyRegistration(f.db, { token, password: PASSWORD, now: f.clock.now, client: client() })).toMatchObject({ ok: true });
    const user = await userOf("escalate@example.com");
    expect(user.status).toBe("ACTIVE");
    expect(await f.db.groupMembership.findMany({ where: { userId: user.id }, select: { groupId: true } })).toEqual([{ groupId: plain }]);
    expect(await f.db.roleAssignment.count({ where: { OR: [{ userId: user.id }, { group: { memberships: { some: { userId: user.id } } } }] } })).toBe(0);
    const events = await readLogEvents(f.db, { where: { eventType: "group.user_membership.add", actorId: user.id } });
    expect(events.map((event) => [event.outcomeResult, event.outcomeReason ?? null, event.target.find((target) => target.type === "UserGroup")?.id])).toEqual(
      expect.arrayContaining([
        ["SUCCESS", null, plain],
        ["SKIPPED", "the group carries an admin role", supers],
      ]),
    );
    expect(events).toHaveLength(2);
    expect((await f.api("POST", "/api/v1/org/settings", { registrationDefaultGroupIds: [] })).status).toBe(200);
  });

  it("an ORG_ADMIN cannot list a group carrying a role in registrationDefaultGroupIds (API: 403 E0000006, logged; dashboard: refused); a plain group it can", async () => {
    const orgAdmin = await createTestAdmin(f, ["ORG_ADMIN"], "Settings");
    const supers = await group("Super administrators 2", "SUPER_ADMIN");
    const plain = await group("Members");
    const cause = `A group in groupIds carries an admin role: only a super administrator (SUPER_ADMIN) may do this.`;

    const before = (await f.api("GET", "/api/v1/org/settings")).body.registrationDefaultGroupIds;
    const refused = await f.api("POST", "/api/v1/org/settings", { selfServiceRegistration: true, registrationDefaultGroupIds: [plain, supers] }, { token: orgAdmin.token });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errorCode: "E0000006", errorSummary: FORBIDDEN, errorCauses: [{ errorSummary: cause }] });
    const [denied] = await readLogEvents(f.db, { where: { eventType: DENIED, actorId: orgAdmin.id } });
    expect(denied).toMatchObject({ outcomeResult: "DENY", outcomeReason: cause });

    const cookie = await sessionCookie(f, orgAdmin.id);
    expect(await act(f, cookie, "org.updateSettings", { ...SETTINGS_FORM, registrationDefaultGroupIds: [supers] })).toEqual({ ok: false, error: FORBIDDEN, causes: [cause] });
    expect((await f.api("GET", "/api/v1/org/settings")).body.registrationDefaultGroupIds).toEqual(before);

    expect((await f.api("POST", "/api/v1/org/settings", { registrationDefaultGroupIds: [plain] }, { token: orgAdmin.token })).status).toBe(200);
    expect(await act(f, cookie, "org.updateSettings", { ...SETTINGS_FORM, registrationDefaultGroupIds: [plain] })).toMatchObject({ ok: true });
    expect((await f.api("GET", "/api/v1/org/settings")).body.registrationDefaultGroupIds).toEqual([plain]);
    // the SUPER_ADMIN may (verification still skips it)
    expect((await f.api("POST", "/api/v1/org/settings", { registrationDefaultGroupIds: [plain, supers] })).status).toBe(200);
    expect((await f.api("POST", "/api/v1/org/settings", { registrationDefaultGroupIds: [] })).status).toBe(200);
  });

  it("pre-registration hijack: POST /users names the unverified registration; activating it discards the registrant's password and link and sends the admin's activation link", async () => {
    expect(await register("newhire@example.com", { password: "attacker-chosen-pass-1" })).toMatchObject({ outcome: "accepted" });
    const attackerLink = await linkToken("newhire@example.com");
    const pending = await userOf("newhire@example.com");

    const create = await f.api("POST", "/api/v1/users?activate=true", { profile: { login: "newhire@example.com", email: "newhire@example.com", firstName: "New", lastName: "Hire" } });
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({
      errorCode: "E0000001",
      errorCauses: [
        { errorSummary: "login: An object with this field already exists in the current organization" },
        { errorSummary: `login: The login belongs to an unverified self-service registration (user ${pending.id}); activate that user to send an activation link to its address (the password chosen at registration is discarded), or delete it.` },
      ],
    });

    const activated = await f.api("POST", `/api/v1/users/${pending.id}/lifecycle/activate?sendEmail=false`);
    expect(activated.status).toBe(200);
    expect(activated.body).toEqual({ activationUrl: expect.stringMatching(new RegExp(`^${ORG_URL}/welcome/`)), activationToken: expect.any(String) });
    const after = await userOf("newhire@example.com");
    expect(after).toMatchObject({ status: "PROVISIONED", passwordHash: null, passwordChanged: null, activated: f.clock.now });
    expect(await f.db.userToken.findMany({ where: { userId: pending.id }, select: { kind: true } })).toEqual([{ kind: "ACTIVATION" }]);
    // the registrant's link and password no longer finish anything
    expect(await verifyRegistration(f.db, { token: attackerLink, password: "attacker-chosen-pass-1", now: f.clock.now, client: client() })).toEqual({ ok: false, reason: "invalid" });
    expect((await userOf("newhire@example.com")).status).toBe("PROVISIONED");

    // reactivate (the dashboard and the API share the domain functions) does the same
    expect(await register("second@example.com", { password: "attacker-chosen-pass-2" })).toMatchObject({ outcome: "accepted" });
    const second = await userOf("second@example.com");
    f.clock.advance(1000);
    const reactivated = await f.api("POST", `/api/v1/users/${second.id}/lifecycle/reactivate?sendEmail=true`);
    expect(reactivated.status).toBe(200);
    expect(await userOf("second@example.com")).toMatchObject({ status: "PROVISIONED", passwordHash: null });
    expect(await f.db.userToken.findMany({ where: { userId: second.id }, select: { kind: true } })).toEqual([{ kind: "ACTIVATION" }]);
    expect((await listMailMessages(f.db, { to: "second@example.com" })).map((mail) => mail.template)).toEqual(["activation", "email-verification"]);

    // an administrator's own PROVISIONED user with a password still activates straight to ACTIVE
    const own = await f.api("POST", "/api/v1/users?activate=false", { profile: { login: "staged@example.com", email: "staged@example.com", firstName: "S", lastName: "T" }, credentials: { password: { value: "correct-horse-battery-9" } } });
    expect(own.status, own.text).toBe(200);
    expect((await f.api("POST", `/api/v1/users/${own.body.id}/lifecycle/activate?sendEmail=false`)).status).toBe(200);
    expect((await userOf("staged@example.com")).status).toBe("ACTIVE");
  });

  it("rate limits are counted in turn: a client over its IP limit spends neither the org-wide budget nor an address's", async () => {
    const { perIp, perAddress } = REGISTRATION_RATE_LIMITS;
    const now = new Date(Math.ceil((f.clock.now.getTime() + 1) / 3_600_000) * 3_600_000); // a fresh window of every limit
    expect((await f.api("POST", "/api/v1/org/settings", { registrationsPerMinute: perIp + 2 })).status).toBe(200);
    const attacker = "192.0.2.200";
    for (let i = 0; i < perIp; i++) expect(await register(`flood${i}@example.com`, { ipAddress: attacker, now })).toMatchObject({ outcome: "accepted" });
    for (let i = 0; i < 3 * perIp; i++) expect(await register("victim@example.com", { ipAddress: attacker, now })).toMatchObject({ outcome: "rate_limited" });
    // two org-wide registrations are left, and the victim's address was never counted
    expect(await register("victim@example.com", { now })).toMatchObject({ outcome: "accepted" });
    expect(await register("other@example.com", { now })).toMatchObject({ outcome: "accepted" });
    expect(await register("third@example.com", { now })).toMatchObject({ outcome: "rate_limited" });
    expect(await listMailMessages(f.db, { to: "victim@example.com" })).toHaveLength(1);
    expect(perAddress).toBeLessThan(3 * perIp);
    expect((await f.api("POST", "/api/v1/org/settings", { registrationsPerMinute: 1000 })).status).toBe(200);
  });
});
