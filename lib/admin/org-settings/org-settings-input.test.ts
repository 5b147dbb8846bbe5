import { describe, expect, it } from "vitest";
import { orgSettingsInput } from "./org-settings-input";

describe("orgSettingsInput", () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [{ refreshTokenGraceSeconds: 0 }, true],
    [{ refreshTokenGraceSeconds: 60, lockoutThreshold: 100, sessionIdleMinutes: 1, sessionMaxMinutes: 129_600, systemLogRetentionDays: 3650 }, true],
    [{ lockoutThreshold: 0 }, true],
    [{ refreshTokenGraceSeconds: 61 }, false],
    [{ refreshTokenGraceSeconds: -1 }, false],
    [{ refreshTokenGraceSeconds: 1.5 }, false],
    [{ refreshTokenGraceSeconds: "30" }, false],
    [{ lockoutThreshold: 101 }, false],
    [{ sessionIdleMinutes: 0 }, false],
    [{ sessionMaxMinutes: 129_601 }, false],
    [{ systemLogRetentionDays: 0 }, false],
    [{ systemLogRetentionDays: 3651 }, false],
    [{ companyName: "Acme" }, false],
    [{ passwordlessPasskeys: true }, true],
    [{ passwordlessPasskeys: false, lockoutThreshold: 3 }, true],
    [{ passwordlessPasskeys: "true" }, false],
    [{ passwordlessPasskeys: 1 }, false],
    [{ passwordlessPasskeys: null }, false],
    [{ defaultLocale: "fr" }, true],
    [{ defaultLocale: "de", passwordlessPasskeys: true }, true],
    [{ defaultLocale: "es" }, false],
    [{ defaultLocale: "DE" }, false],
    [{ defaultLocale: null }, false],
    [{ selfServiceRegistration: true, registrationProfileAttributes: ["mobilePhone", "timezone"], registrationDefaultGroupIds: ["00gA0000000000000000"], registrationLinkLifetimeMinutes: 5, registrationsPerMinute: 10_000 }, true],
    [{ registrationDefaultGroupIds: [] }, true],
    [{ registrationProfileAttributes: ["firstName"] }, false],
    [{ registrationDefaultGroupIds: ["00uA0000000000000000"] }, false],
    [{ registrationDefaultGroupIds: ["00gA0000000000000000", "00gA0000000000000000"] }, false],
    [{ registrationDefaultGroupIds: Array.from({ length: 21 }, (_, i) => `00g${String(i).padStart(17, "0")}`) }, false],
    [{ registrationLinkLifetimeMinutes: 4 }, false],
    [{ registrationsPerMinute: 0 }, false],
    [{ selfServiceRegistration: "yes" }, false],
    [null, false],
    [[], false],
  ])("%j -> %s", (input, ok) => {
    expect(orgSettingsInput.safeParse(input).success).toBe(ok);
  });
});
