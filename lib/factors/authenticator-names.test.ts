import { describe, expect, it } from "vitest";
import { authenticatorName, KNOWN_AUTHENTICATORS } from "./authenticator-names";

describe("authenticatorName", () => {
  it.each([
    ["ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "multiDevice", "Google Password Manager"],
    ["FBFC3007-154E-4ECC-8C0B-6E020557D7BD", "multiDevice", "Apple Passwords"],
    ["08987058-cadc-4b81-b6e1-30de50dcbe96", "singleDevice", "Windows Hello"],
    ["cb69481e-8ff7-4039-93ec-0a2729a154a8", "singleDevice", "YubiKey 5 Series"],
    ["149a2021-8ef6-4133-96b8-81f8d5b7f1f5", "singleDevice", "Security Key by Yubico"],
    ["00000000-0000-0000-0000-000000000000", "multiDevice", "Passkey"],
    ["00000000-0000-0000-0000-000000000000", "singleDevice", "Security key"],
    ["01020304-0506-0708-0102-030405060708", "singleDevice", "Security key"],
    [null, null, "Passkey"],
    ["not-an-aaguid", null, "Passkey"],
  ] as const)("%s (%s) -> %s", (aaguid, deviceType, name) => {
    expect(authenticatorName({ aaguid, deviceType })).toBe(name);
  });

  it("the bundled table holds lower-case RFC 4122 AAGUIDs only, each with a name", () => {
    for (const [aaguid, name] of Object.entries(KNOWN_AUTHENTICATORS)) {
      expect(aaguid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(name.trim()).toBe(name);
      expect(name.length).toBeGreaterThan(0);
    }
  });
});
