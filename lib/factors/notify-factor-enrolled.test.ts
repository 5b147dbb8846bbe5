import { describe, expect, it } from "vitest";
import { enrolledFactorName } from "./notify-factor-enrolled";

describe("enrolledFactorName", () => {
  it.each([
    [{ factorType: "token:software:totp", provider: "GOOGLE", profile: { credentialId: "a@b.c" } }, "Google Authenticator"],
    [{ factorType: "token:software:totp", provider: "OKTA", profile: null }, "An authenticator app"],
    [{ factorType: "webauthn", provider: "FIDO", profile: { authenticatorName: "YubiKey 5 Series" } }, "YubiKey 5 Series"],
    [{ factorType: "webauthn", provider: "FIDO", profile: { authenticatorName: "" } }, "A passkey"],
    [{ factorType: "webauthn", provider: "FIDO", profile: null }, "A passkey"],
  ])("%j -> %s", (factor, expected) => {
    expect(enrolledFactorName(factor)).toBe(expected);
  });
});
