import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { readOrgSettings } from "@/lib/org-settings/read-org-settings";
import { createAdminFixture, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const PATH = "/api/v1/org/settings";
const DEFAULTS = { lockoutThreshold: 10, sessionIdleMinutes: 120, sessionMaxMinutes: 1440, systemLogRetentionDays: 90, refreshTokenGraceSeconds: 30, passwordlessPasskeys: false, selfServiceProfileAttributes: ["firstName", "lastName", "displayName"], passwordChangeEndsSessions: true, defaultLocale: "en", recoveryTokenLifetimeMinutes: 60, endSessionsOnPasswordReset: true, selfServiceRegistration: false, registrationProfileAttributes: [], registrationDefaultGroupIds: [], registrationLinkLifetimeMinutes: 1440, registrationsPerMinute: 30 };
const LIST = "firstName, lastName, displayName, nickName, middleName, honorificPrefix, honorificSuffix, mobilePhone, primaryPhone, locale, timezone, preferredLanguage";
const links = { self: { href: `${ORG_URL}${PATH}`, hints: { allow: ["GET", "POST"] } } };

describe.each(testProviders())("org settings API on %s", (provider) => {
  let f: AdminFixture;
  /** The settings row as bootstrap wrote it: every test starts from it, whatever ran before. */
  let bootstrapped: { settings: Prisma.JsonValue; lastUpdated: Date };
  /** When the running test started: its events are the ones published after. */
  let testStart: Date;
  beforeAll(async () => {
    f = await createAdminFixture(provider);
    bootstrapped = await f.db.orgSettings.findUniqueOrThrow({ where: { id: "org" }, select: { settings: true, lastUpdated: true } });
  });
  beforeEach(async () => {
    await f.db.orgSettings.update({ where: { id: "org" }, data: { settings: bootstrapped.settings as Prisma.InputJsonValue, lastUpdated: bootstrapped.lastUpdated } });
    f.clock.advance(60_000);
    testStart = f.clock.now;
  });
  afterAll(() => f.close());

  const events = () => readLogEvents(f.db, { where: { eventType: "system.org.settings.update", published: { gte: testStart } }, orderBy: { published: "asc" } });

  it("GET answers the settings in force: the defaults after bootstrap", async () => {
    const res = await f.api("GET", PATH);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body).toEqual({ ...DEFAULTS, lastUpdated: bootstrapped.lastUpdated.toISOString(), _links: links });
  });

  it("POST changes only the fields given, applies at once to the token service and sessions, and logs each change", async () => {
    f.clock.advance(60_000);
    const res = await f.api("POST", PATH, { refreshTokenGraceSeconds: 0, lockoutThreshold: 3, sessionIdleMinutes: 30 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...DEFAULTS, refreshTokenGraceSeconds: 0, lockoutThreshold: 3, sessionIdleMinutes: 30, lastUpdated: f.clock.now.toISOString(), _links: links });
    expect((await f.api("GET", PATH)).body).toEqual(res.body);
    expect(await readOrgSettings(f.db)).toEqual({ ...DEFAULTS, lockoutThreshold: 3, refreshTokenGraceSeconds: 0, sessionIdleMinutes: 30 });
    const [event, ...more] = await events();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", displayMessage: "Update org settings: lockoutThreshold, sessionIdleMinutes, refreshTokenGraceSeconds" });
    expect(JSON.parse(JSON.stringify(event!.debugContext))).toMatchObject({
      debugData: { changes: { lockoutThreshold: { from: 10, to: 3 }, sessionIdleMinutes: { from: 120, to: 30 }, refreshTokenGraceSeconds: { from: 30, to: 0 } } },
    });
  });

  it("POST of a boolean setting: passwordlessPasskeys on and off, each change logged", async () => {
    const mark = (await events()).length;
    f.clock.advance(60_000);
    const on = await f.api("POST", PATH, { passwordlessPasskeys: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ passwordlessPasskeys: true, lastUpdated: f.clock.now.toISOString() });
    expect((await readOrgSettings(f.db)).passwordlessPasskeys).toBe(true);
    f.clock.advance(1000);
    const off = await f.api("POST", PATH, { passwordlessPasskeys: false });
    expect(off.body).toMatchObject({ passwordlessPasskeys: false });
    const logged = (await events()).slice(mark);
    expect(logged.map((event) => event.displayMessage)).toEqual(["Update org settings: passwordlessPasskeys", "Update org settings: passwordlessPasskeys"]);
    expect(JSON.parse(JSON.stringify(logged[0]!.debugContext))).toMatchObject({ debugData: { changes: { passwordlessPasskeys: { from: false, to: true } } } });
  });

  it("POST of a list setting: the My Account profile attributes, kept in one order, a change logged, the same names again no change", async () => {
    const res = await f.api("POST", PATH, { selfServiceProfileAttributes: ["timezone", "firstName", "mobilePhone"] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ selfServiceProfileAttributes: ["firstName", "mobilePhone", "timezone"] });
    expect((await readOrgSettings(f.db)).selfServiceProfileAttributes).toEqual(["firstName", "mobilePhone", "timezone"]);
    expect((await f.api("POST", PATH, { selfServiceProfileAttributes: ["mobilePhone", "timezone", "firstName"] })).status).toBe(200);
    const logged = await events();
    expect(logged.map((event) => event.displayMessage)).toEqual(["Update org settings: selfServiceProfileAttributes"]);
    expect(JSON.parse(JSON.stringify(logged[0]!.debugContext))).toMatchObject({
      debugData: { changes: { selfServiceProfileAttributes: { from: ["firstName", "lastName", "displayName"], to: ["firstName", "mobilePhone", "timezone"] } } },
    });
  });

  it("POST of a choice setting: defaultLocale, logged; the hosted pages' fallback language", async () => {
    const mark = (await events()).length;
    const res = await f.api("POST", PATH, { defaultLocale: "de" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ defaultLocale: "de" });
    expect((await readOrgSettings(f.db)).defaultLocale).toBe("de");
    const logged = (await events()).slice(mark);
    expect(JSON.parse(JSON.stringify(logged[0]!.debugContext))).toMatchObject({ debugData: { changes: { defaultLocale: { from: "en", to: "de" } } } });
    expect((await f.api("POST", PATH, { defaultLocale: "en" })).body).toMatchObject({ defaultLocale: "en" });
  });

  it("POST of the values already in force changes nothing and logs nothing", async () => {
    expect((await f.api("POST", PATH, { refreshTokenGraceSeconds: 0, lockoutThreshold: 3 })).status).toBe(200);
    const before = (await f.api("GET", PATH)).body;
    f.clock.advance(60_000);
    const res = await f.api("POST", PATH, { refreshTokenGraceSeconds: 0, lockoutThreshold: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(before);
    expect(await events()).toHaveLength(1);
  });

  it.each<[string, unknown, string, string[]]>([
    ["a grace period over 60 s", { refreshTokenGraceSeconds: 61 }, "refreshTokenGraceSeconds", ["refreshTokenGraceSeconds: Must be a whole number from 0 to 60."]],
    ["a negative threshold", { lockoutThreshold: -1 }, "lockoutThreshold", ["lockoutThreshold: Must be a whole number from 0 to 100."]],
    ["a fraction", { sessionMaxMinutes: 90.5 }, "sessionMaxMinutes", ["sessionMaxMinutes: Must be a whole number from 1 to 129600."]],
    ["a string", { systemLogRetentionDays: "90" }, "systemLogRetentionDays", ["systemLogRetentionDays: Must be a whole number from 1 to 3650."]],
    ["a string for a boolean", { passwordlessPasskeys: "true" }, "passwordlessPasskeys", ["passwordlessPasskeys: Must be true or false."]],
    ["login among the self-service attributes", { selfServiceProfileAttributes: ["firstName", "login"] }, "selfServiceProfileAttributes", [`selfServiceProfileAttributes: Must be an array of distinct names out of: ${LIST}.`]],
    ["a repeated self-service attribute", { selfServiceProfileAttributes: ["firstName", "firstName"] }, "selfServiceProfileAttributes", [`selfServiceProfileAttributes: Must be an array of distinct names out of: ${LIST}.`]],
    ["a language this server does not speak", { defaultLocale: "es" }, "defaultLocale", ['defaultLocale: Must be one of "en", "de", "fr".']],
  ])("refuses %s with 400 E0000001 and changes nothing", async (_name, body, field, causes) => {
    const before = (await f.api("GET", PATH)).body;
    const res = await f.api("POST", PATH, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ errorCode: "E0000001", errorSummary: `Api validation failed: ${field}`, errorCauses: causes.map((errorSummary) => ({ errorSummary })) });
    expect((await f.api("GET", PATH)).body).toEqual(before);
  });

  it("refuses unknown fields, a body that is not an object, and other methods", async () => {
    const unknown = await f.api("POST", PATH, { companyName: "Acme" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorCode).toBe("E0000001");
    const notObject = await f.api("POST", PATH, [1]);
    expect(notObject.status).toBe(400);
    const put = await f.api("PUT", PATH, DEFAULTS);
    expect(put.status).toBe(405);
    expect(put.body.errorCode).toBe("E0000022");
  });

  it("requires an API token", async () => {
    const res = await f.api("GET", PATH, undefined, { token: null });
    expect(res.status).toBe(401);
    expect(res.body.errorCode).toBe("E0000011");
  });
});
