import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DASHBOARD_ACTIONS } from "@/lib/dashboard/actions/run-dashboard-action";
import type { FormInput } from "@/lib/dashboard/form-input";
import { requireAdmin } from "@/lib/dashboard/require-admin";
import { signOutAdmin } from "@/lib/dashboard/sign-out";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { act, adminUserId, createPlainUser, seedActionTargets, sessionCookie, snapshotCounts } from "./dashboard-fixture";
import { readLogEvent, readLogEvents } from "../support/read-log-events";
import { setUserRoles } from "../support/admin-roles";

describe.each(testProviders())("dashboard access control on %s", (provider) => {
  let f: AdminFixture;
  let adminCookie: string;
  let userCookie: string;
  let plainUserId: string;
  let tokenId: string;
  let adminId: string;
  let form: FormInput;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    adminId = await adminUserId(f);
    ({ plainUserId, tokenId, form } = await seedActionTargets(f));
  });
  // Each test signs the admin and the plain user in afresh: none depends on a session an earlier one left alive.
  beforeEach(async () => {
    adminCookie = await sessionCookie(f, adminId);
    userCookie = await sessionCookie(f, plainUserId);
  });
  afterAll(() => f.close());

  it("knows every action of the dashboard", () => {
    expect(Object.keys(DASHBOARD_ACTIONS).length).toBeGreaterThanOrEqual(50);
  });

  it("refuses every action without a session (signin) and changes nothing", async () => {
    const before = await snapshotCounts(f);
    for (const name of Object.keys(DASHBOARD_ACTIONS)) {
      for (const cookie of [null, "", "sid=not-a-session-cookie-value-0123456789abcdef", `sid=${"A".repeat(43)}`]) {
        expect(await act(f, cookie, name, form), `${name} with ${cookie}`).toEqual({ ok: false, refused: "signin" });
      }
    }
    expect(await snapshotCounts(f)).toEqual(before);
  });

  it("refuses every action for a signed-in user who is not an admin (forbidden) and changes nothing", async () => {
    const before = await snapshotCounts(f);
    for (const name of Object.keys(DASHBOARD_ACTIONS)) {
      expect(await act(f, userCookie, name, form), name).toEqual({ ok: false, refused: "forbidden" });
    }
    expect(await snapshotCounts(f)).toEqual(before);
  });

  it("lets the admin's session through: the same forms change things and are logged with the admin as actor", async () => {
    const created = await act(f, adminCookie, "group.create", { name: "Admins' group" });
    expect(created).toMatchObject({ ok: true, notice: 'Created group "Admins\' group".' });
    const event = await readLogEvent(f.db, { where: { eventType: "group.lifecycle.create" }, orderBy: { published: "desc" } });
    expect(event.actorId).toBe(adminId);
    expect(await f.db.group.count({ where: { name: "Admins' group" } })).toBe(1);
  });

  it("logs a dashboard change as the API logs it: same event and targets, the admin as actor, apiTokenId dashboard and no API path", async () => {
    const viaApi = await f.api("POST", "/api/v1/groups", { profile: { name: "Made by the API" } });
    expect(viaApi.status).toBe(200);
    const viaDashboard = await act(f, adminCookie, "group.create", { name: "Made by the dashboard" });
    expect(viaDashboard).toMatchObject({ ok: true });
    const events = await readLogEvents(f.db, { where: { eventType: "group.lifecycle.create" } });
    const apiEvent = events.find((event) => event.displayMessage === "Create group Made by the API");
    const dashboardEvent = events.find((event) => event.displayMessage === "Create group Made by the dashboard");
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
    expect(plain(apiEvent!.debugContext)).toEqual({ debugData: { apiTokenId: tokenId, requestUri: "/api/v1/groups" } });
    expect(plain(dashboardEvent!.debugContext)).toEqual({ debugData: { apiTokenId: "dashboard" } });
    expect(dashboardEvent).toMatchObject({ actorId: adminId, outcomeResult: "SUCCESS", displayMessage: "Create group Made by the dashboard" });
    expect(plain(dashboardEvent!.actor)).toEqual(plain(apiEvent!.actor));
    expect(plain(dashboardEvent!.client)).toMatchObject({ ipAddress: "203.0.113.9", userAgent: { rawUserAgent: "vitest" } });
  });

  it("lets the admin change the org settings from the Settings page's form; a blank field is refused by name", async () => {
    const saved = await act(f, adminCookie, "org.updateSettings", { lockoutThreshold: "5", sessionIdleMinutes: "60", sessionMaxMinutes: "480", refreshTokenGraceSeconds: "10", systemLogRetentionDays: "30", recoveryTokenLifetimeMinutes: "60", registrationLinkLifetimeMinutes: "90", registrationsPerMinute: "12", passwordlessPasskeys: "true", selfServiceRegistration: "true", registrationProfileAttributes: ["displayName", "timezone"], defaultLocale: "en" });
    expect(saved).toEqual({ ok: true, notice: "Saved the settings. They apply at once." });
    expect((await f.api("GET", "/api/v1/org/settings")).body).toMatchObject({ lockoutThreshold: 5, sessionIdleMinutes: 60, sessionMaxMinutes: 480, refreshTokenGraceSeconds: 10, systemLogRetentionDays: 30, passwordlessPasskeys: true, selfServiceRegistration: true, registrationProfileAttributes: ["displayName", "timezone"], registrationDefaultGroupIds: [], registrationLinkLifetimeMinutes: 90, registrationsPerMinute: 12 });
    const event = await readLogEvent(f.db, { where: { eventType: "system.org.settings.update" }, orderBy: { published: "desc" } });
    expect(event.actorId).toBe(adminId);
    const blank = await act(f, adminCookie, "org.updateSettings", { lockoutThreshold: "", sessionIdleMinutes: "60", sessionMaxMinutes: "480", refreshTokenGraceSeconds: "99", systemLogRetentionDays: "30", recoveryTokenLifetimeMinutes: "60", registrationLinkLifetimeMinutes: "90", registrationsPerMinute: "12", defaultLocale: "en" });
    expect(blank).toEqual({
      ok: false,
      error: "Api validation failed: lockoutThreshold",
      causes: ["lockoutThreshold: Must be a whole number from 0 to 100.", "refreshTokenGraceSeconds: Must be a whole number from 0 to 60."],
    });
    expect((await f.api("GET", "/api/v1/org/settings")).body).toMatchObject({ lockoutThreshold: 5, refreshTokenGraceSeconds: 10 });
    // an unticked checkbox is not sent: false; no ticked attribute: none
    expect(await act(f, adminCookie, "org.updateSettings", { lockoutThreshold: "5", sessionIdleMinutes: "60", sessionMaxMinutes: "480", refreshTokenGraceSeconds: "10", systemLogRetentionDays: "30", recoveryTokenLifetimeMinutes: "60", registrationLinkLifetimeMinutes: "90", registrationsPerMinute: "12", defaultLocale: "en" })).toMatchObject({ ok: true });
    expect((await f.api("GET", "/api/v1/org/settings")).body).toMatchObject({ passwordlessPasskeys: false, selfServiceRegistration: false, registrationProfileAttributes: [] });
    await f.api("POST", "/api/v1/org/settings", { lockoutThreshold: 10, sessionIdleMinutes: 120, sessionMaxMinutes: 1440, refreshTokenGraceSeconds: 30, systemLogRetentionDays: 90, endSessionsOnPasswordReset: true });
  });

  it("refuses a session that has been signed out, and an admin whose admin role was removed", async () => {
    const cookie = await sessionCookie(f, adminId);
    expect((await requireAdmin(f.db, cookie, f.clock.now)).ok).toBe(true);
    expect(await signOutAdmin(f.db, cookie, f.clock.now, { ipAddress: null, userAgent: null })).toBe(true);
    expect(await requireAdmin(f.db, cookie, f.clock.now)).toEqual({ ok: false, reason: "signin" });
    expect(await act(f, cookie, "group.create", { name: "After sign-out" })).toEqual({ ok: false, refused: "signin" });

    const second = await createPlainUser(f, "former.admin@example.com");
    await setUserRoles(f.db, second, ["SUPER_ADMIN"]);
    const secondCookie = await sessionCookie(f, second);
    expect((await requireAdmin(f.db, secondCookie, f.clock.now)).ok).toBe(true);
    await setUserRoles(f.db, second, []);
    expect(await requireAdmin(f.db, secondCookie, f.clock.now)).toEqual({ ok: false, reason: "forbidden" });
    expect(await act(f, secondCookie, "group.create", { name: "Not allowed" })).toEqual({ ok: false, refused: "forbidden" });
    expect(await f.db.group.count({ where: { name: "Not allowed" } })).toBe(0);
  });

  it("refuses an expired session", async () => {
    const cookie = await sessionCookie(f, adminId);
    f.clock.advance(3 * 86_400_000);
    expect(await act(f, cookie, "group.create", { name: "Too late" })).toEqual({ ok: false, refused: "signin" });
    expect(await f.db.group.count({ where: { name: "Too late" } })).toBe(0);
  });

  it("validates input with the API's schemas: the same causes as the REST API", async () => {
    const viaApi = await f.api("POST", "/api/v1/authorizationServers/default/claims", { name: "broken", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email +" });
    expect(viaApi.status).toBe(400);
    const viaDashboard = await act(f, adminCookie, "claim.create", { authServerId: "default", name: "broken", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.email +", scopeMode: "any" });
    expect(viaDashboard).toEqual({ ok: false, error: viaApi.body.errorSummary, causes: viaApi.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary) });

    const lifetime = await act(f, adminCookie, "rule.create", { authServerId: "default", policyId: form.policyId as string, name: "Too long", grantTypes: ["client_credentials"], accessTokenLifetimeMinutes: "2000" });
    expect(lifetime).toMatchObject({ ok: false, causes: ["actions.token.accessTokenLifetimeMinutes: Must be between 5 and 1440 minutes (5 minutes to 1 day)."] });
  });

  it("shows an API token once on creation and stores only its hash", async () => {
    const result = await act(f, adminCookie, "apiToken.create", { name: "CI" });
    expect(result.ok).toBe(true);
    const reveal = "reveal" in result ? result.reveal : undefined;
    expect(reveal?.value).toMatch(/^00[A-Za-z0-9_-]{40}$/);
    const stored = await f.db.apiToken.findFirstOrThrow({ where: { name: "CI" } });
    expect(stored.userId).toBe(adminId);
    expect(JSON.stringify(stored)).not.toContain(reveal!.value);
    const api = await f.api("GET", "/api/v1/groups", undefined, { token: reveal!.value });
    expect(api.status).toBe(200);
  });

  it("creates an SPA without a secret and a web app with a secret shown once", async () => {
    const spa = await act(f, adminCookie, "app.create", { label: "My SPA", applicationType: "browser", redirectUris: "http://localhost:8080/callback" });
    expect(spa).toMatchObject({ ok: true });
    expect("reveal" in spa && spa.reveal).toBeFalsy();
    const web = await act(f, adminCookie, "app.create", { label: "My Web", applicationType: "web", redirectUris: "https://web.example.com/callback" });
    expect(web.ok && "reveal" in web && web.reveal?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const row = await f.db.app.findFirstOrThrow({ where: { label: "My SPA" } });
    expect(row.tokenEndpointAuthMethod).toBe("none");
  });
});
