import { describe, expect, it } from "vitest";
import { DEFAULT_ORG_SETTINGS, MAX_SESSION_MINUTES } from "./org-settings-schema";
import { parseOrgSettings } from "./parse-org-settings";

const DEFAULTS = { lockoutThreshold: 10, sessionIdleMinutes: 120, sessionMaxMinutes: 1440, systemLogRetentionDays: 90, refreshTokenGraceSeconds: 30, passwordlessPasskeys: false, selfServiceProfileAttributes: ["firstName", "lastName", "displayName"], passwordChangeEndsSessions: true, defaultLocale: "en", recoveryTokenLifetimeMinutes: 60, endSessionsOnPasswordReset: true, selfServiceRegistration: false, registrationProfileAttributes: [], registrationDefaultGroupIds: [] as string[], registrationLinkLifetimeMinutes: 1440, registrationsPerMinute: 30 };

describe("parseOrgSettings", () => {
  it.each<[string, unknown, Partial<typeof DEFAULTS>]>([
    ["the bootstrap defaults", DEFAULT_ORG_SETTINGS, {}],
    ["nothing stored: the defaults", {}, {}],
    ["no settings row", undefined, {}],
    ["a non-object", [1, 2], {}],
    ["null", null, {}],
    ["stored values", { lockoutThreshold: 0, sessionIdleMinutes: 15, sessionMaxMinutes: 60, systemLogRetentionDays: 365, refreshTokenGraceSeconds: 0 }, { lockoutThreshold: 0, sessionIdleMinutes: 15, sessionMaxMinutes: 60, systemLogRetentionDays: 365, refreshTokenGraceSeconds: 0 }],
    ["unknown fields are ignored", { companyName: "Acme", lockoutThreshold: 3 }, { lockoutThreshold: 3 }],
    ["fractions are floored", { sessionIdleMinutes: 15.9, sessionMaxMinutes: 60.2, lockoutThreshold: 0.5 }, { sessionIdleMinutes: 15, sessionMaxMinutes: 60, lockoutThreshold: 0 }],
    ["above the maximum: clamped", { refreshTokenGraceSeconds: 600, systemLogRetentionDays: 99_999, sessionMaxMinutes: 10_000_000, sessionIdleMinutes: MAX_SESSION_MINUTES + 1, lockoutThreshold: 1000 }, { refreshTokenGraceSeconds: 60, systemLogRetentionDays: 3650, sessionMaxMinutes: 129_600, sessionIdleMinutes: 129_600, lockoutThreshold: 100 }],
    ["below the minimum: the default", { sessionIdleMinutes: 0, sessionMaxMinutes: -1, lockoutThreshold: -1, refreshTokenGraceSeconds: -5, systemLogRetentionDays: 0.5 }, {}],
    ["not numbers: the defaults", { lockoutThreshold: "5", sessionIdleMinutes: null, systemLogRetentionDays: true, refreshTokenGraceSeconds: "x", sessionMaxMinutes: {} }, {}],
    ["not finite: the defaults", { sessionIdleMinutes: Number.NaN, sessionMaxMinutes: Number.POSITIVE_INFINITY }, {}],
    ["a boolean setting", { passwordlessPasskeys: true }, { passwordlessPasskeys: true }],
    ["a boolean setting that is not a boolean: the default", { passwordlessPasskeys: "true" }, {}],
    ["a number setting given a boolean: the default", { lockoutThreshold: false, passwordlessPasskeys: 1 }, {}],
    ["a choice setting", { defaultLocale: "de" }, { defaultLocale: "de" }],
    ["a choice no longer offered: the default", { defaultLocale: "es" }, {}],
    ["a choice that is not a string: the default", { defaultLocale: 1 }, {}],
    ["idle longer than the lifetime is kept (the absolute expiry bounds it)", { sessionIdleMinutes: 600, sessionMaxMinutes: 60 }, { sessionIdleMinutes: 600, sessionMaxMinutes: 60 }],
    ["a list setting: known names kept once, in the options' order", { selfServiceProfileAttributes: ["timezone", "login", "firstName", "timezone", 3] }, { selfServiceProfileAttributes: ["firstName", "timezone"] }],
    ["an empty list is kept (nothing editable)", { selfServiceProfileAttributes: [] }, { selfServiceProfileAttributes: [] }],
    ["a list setting that is not a list: the default", { selfServiceProfileAttributes: "firstName" }, {}],
    ["an ids setting: ids of the kind kept once, in order", { registrationDefaultGroupIds: ["00gB0000000000000000", "00uA0000000000000000", "00gA0000000000000000", "00gB0000000000000000", "00g", 7] }, { registrationDefaultGroupIds: ["00gB0000000000000000", "00gA0000000000000000"] }],
    ["an ids setting beyond its maximum: the first ones", { registrationDefaultGroupIds: Array.from({ length: 25 }, (_, i) => `00g${String(i).padStart(17, "0")}`) }, { registrationDefaultGroupIds: Array.from({ length: 20 }, (_, i) => `00g${String(i).padStart(17, "0")}`) }],
    ["an ids setting that is not a list: the default", { registrationDefaultGroupIds: "00gA0000000000000000" }, {}],
  ])("%s", (_name, stored, expected) => {
    expect(parseOrgSettings(stored)).toEqual({ ...DEFAULTS, ...expected });
  });
});
