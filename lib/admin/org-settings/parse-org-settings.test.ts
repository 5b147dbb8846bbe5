import { describe, expect, it } from "vitest";
import { orgSettingsInput } from "./org-settings-input";
import { parseOrgSettings } from "./parse-org-settings";

const DEFAULTS = { lockoutThreshold: 10, sessionIdleMinutes: 120, sessionMaxMinutes: 1440, systemLogRetentionDays: 90, refreshTokenGraceSeconds: 30 };

describe("parseOrgSettings", () => {
  it.each<[string, Record<string, unknown>, Partial<typeof DEFAULTS>]>([
    ["nothing stored: the defaults", {}, {}],
    ["stored values", { lockoutThreshold: 0, sessionIdleMinutes: 15, sessionMaxMinutes: 60, systemLogRetentionDays: 365, refreshTokenGraceSeconds: 0 }, { lockoutThreshold: 0, sessionIdleMinutes: 15, sessionMaxMinutes: 60, systemLogRetentionDays: 365, refreshTokenGraceSeconds: 0 }],
    ["out of range: clamped as the readers clamp", { refreshTokenGraceSeconds: 600, systemLogRetentionDays: 99_999, sessionMaxMinutes: 10_000_000 }, { refreshTokenGraceSeconds: 60, systemLogRetentionDays: 3650, sessionMaxMinutes: 129_600 }],
    ["not numbers: the defaults", { lockoutThreshold: "5", sessionIdleMinutes: null, systemLogRetentionDays: -1, refreshTokenGraceSeconds: "x" }, {}],
  ])("%s", (_name, stored, expected) => {
    expect(parseOrgSettings(stored)).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe("orgSettingsInput", () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [{ refreshTokenGraceSeconds: 0 }, true],
    [{ refreshTokenGraceSeconds: 60, lockoutThreshold: 100, sessionIdleMinutes: 1, sessionMaxMinutes: 129_600, systemLogRetentionDays: 3650 }, true],
    [{ refreshTokenGraceSeconds: 61 }, false],
    [{ refreshTokenGraceSeconds: -1 }, false],
    [{ refreshTokenGraceSeconds: 1.5 }, false],
    [{ refreshTokenGraceSeconds: "30" }, false],
    [{ lockoutThreshold: 101 }, false],
    [{ sessionIdleMinutes: 0 }, false],
    [{ sessionMaxMinutes: 129_601 }, false],
    [{ systemLogRetentionDays: 0 }, false],
    [{ companyName: "Acme" }, false],
    [null, false],
    [[], false],
  ])("%j -> %s", (input, ok) => {
    expect(orgSettingsInput.safeParse(input).success).toBe(ok);
  });
});
