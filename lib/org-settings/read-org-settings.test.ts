import { describe, expect, it } from "vitest";
import type { Db } from "../db/create-db-client";
import { readOrgSettings } from "./read-org-settings";

const DEFAULTS = { lockoutThreshold: 10, sessionIdleMinutes: 120, sessionMaxMinutes: 1440, systemLogRetentionDays: 90, refreshTokenGraceSeconds: 30, passwordlessPasskeys: false, selfServiceProfileAttributes: ["firstName", "lastName", "displayName"], passwordChangeEndsSessions: true, defaultLocale: "en", recoveryTokenLifetimeMinutes: 60, endSessionsOnPasswordReset: true, selfServiceRegistration: false, registrationProfileAttributes: [], registrationDefaultGroupIds: [], registrationLinkLifetimeMinutes: 1440, registrationsPerMinute: 30 };
const dbWith = (settings: unknown) => ({ orgSettings: { findUnique: async () => (settings === undefined ? null : { settings }) } }) as unknown as Db;

describe("readOrgSettings", () => {
  it.each<[string, unknown, Partial<typeof DEFAULTS>]>([
    ["a settings row", { sessionIdleMinutes: 30, sessionMaxMinutes: 90, lockoutThreshold: 3, refreshTokenGraceSeconds: 0 }, { sessionIdleMinutes: 30, sessionMaxMinutes: 90, lockoutThreshold: 3, refreshTokenGraceSeconds: 0 }],
    ["no settings row", undefined, {}],
    ["a non-object", [1], {}],
  ])("%s", async (_name, settings, expected) => {
    expect(await readOrgSettings(dbWith(settings))).toEqual({ ...DEFAULTS, ...expected });
  });
});
