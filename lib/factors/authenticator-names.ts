/**
 * Names of well-known WebAuthn authenticators by AAGUID (the model id a registration's authenticator
 * data carries, W3C WebAuthn 6.5.1), bundled: no network at build or run time. Sources:
 * - passkey providers: the community list github.com/passkeydeveloper/passkey-authenticator-aaguids,
 *   aaguid.json at commit 47b6f84 (names as listed there);
 * - Yubico's security keys: their AAGUIDs as published in the FIDO Alliance Metadata Service,
 *   named by product family here (the exact model varies with the firmware).
 * An AAGUID not listed (including the all-zero one an authenticator sends when it does not say)
 * gets a neutral name instead (authenticatorName).
 */
export const KNOWN_AUTHENTICATORS: Readonly<Record<string, string>> = {
  "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4": "Google Password Manager",
  "adce0002-35bc-c60a-648b-0b25f1f05503": "Chrome on Mac",
  "b5397666-4885-aa6b-cebf-e52262a439a2": "Chromium Browser",
  "771b48fd-d3d4-4f74-9232-fc157ab0507a": "Edge on Mac",
  "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
  "9ddd1817-af5a-4672-a2b9-3e3dd95000a9": "Windows Hello",
  "6028b017-b1d4-4c02-b4b3-afcdafc96bb2": "Windows Hello",
  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "Apple Passwords",
  "dd4ec289-e01d-41c9-bb89-70fa845d4bf2": "iCloud Keychain (Managed)",
  "d3452668-01fd-4c12-926c-83a4204853aa": "Microsoft Password Manager",
  "53414d53-554e-4700-0000-000000000000": "Samsung Pass",
  "bada5566-a7aa-401f-bd96-45619a55120d": "1Password",
  "d548826e-79b4-db40-a3d8-11116f7e8349": "Bitwarden",
  "531126d6-e717-415c-9320-3d9aa6981239": "Dashlane",
  "b84e4048-15dc-4dd0-8640-f4f60813c8af": "NordPass",
  "50726f74-6f6e-5061-7373-50726f746f6e": "Proton Pass",
  "fdb141b2-5d84-443e-8a35-4698c205a502": "KeePassXC",
  "0ea242b4-43c4-4a1b-8b17-dd6d0b6baec6": "Keeper",
  "b78a0a55-6ef8-d246-a042-ba0f6d55050c": "LastPass",
  "f3809540-7f14-49c1-a8b3-8f813b225541": "Enpass",
  "cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
  "ee882879-721c-4913-9775-3dfcce97072a": "YubiKey 5 Series",
  "fa2b99dc-9e39-4257-8f92-4a30d23c4118": "YubiKey 5 Series",
  "2fc0579f-8113-47ea-b116-bb5a8db9202a": "YubiKey 5 Series",
  "c5ef55ff-ad9a-4b9f-b580-adebafe026d0": "YubiKey 5 Series",
  "149a2021-8ef6-4133-96b8-81f8d5b7f1f5": "Security Key by Yubico",
};

/**
 * The name Okta shows for a WebAuthn factor (profile.authenticatorName): the known model of its
 * AAGUID (case-insensitive), else a neutral name by what the credential is: "Passkey" for a
 * credential that can be synced (backup eligible, multiDevice) or whose kind is unknown (a factor
 * registered before names were kept), "Security key" for one bound to its device.
 */
export function authenticatorName(input: { aaguid: string | null; deviceType: "singleDevice" | "multiDevice" | null }): string {
  const known = input.aaguid ? KNOWN_AUTHENTICATORS[input.aaguid.toLowerCase()] : undefined;
  if (known) return known;
  return input.deviceType === "singleDevice" ? "Security key" : "Passkey";
}
