import { describe, expect, it } from "vitest";
import type { EnrollDecision } from "../sign-on-policies/evaluate-enroll-policy";
import type { SignOnDecision } from "../sign-on-policies/evaluate-sign-on-policy";
import type { EnrollRequirement } from "../sign-on-policies/org-policy-types";
import { factorRemovalRefusal, type RemovableFactor } from "./factor-removal-refusal";

const signOn = (requireFactor: boolean, access: "ALLOW" | "DENY" = "ALLOW") => ({ access, requireFactor }) as SignOnDecision;
const enroll = (okta: EnrollRequirement, google: EnrollRequirement, fido: EnrollRequirement) =>
  ({
    byFactor: [
      { key: "okta_otp", factorType: "token:software:totp", provider: "OKTA", requirement: okta },
      { key: "google_otp", factorType: "token:software:totp", provider: "GOOGLE", requirement: google },
      { key: "fido_webauthn", factorType: "webauthn", provider: "FIDO", requirement: fido },
    ],
  }) as EnrollDecision;
const totp: RemovableFactor = { id: "uft1", factorType: "token:software:totp", provider: "GOOGLE", status: "ACTIVE" };
const key1: RemovableFactor = { id: "fwf1", factorType: "webauthn", provider: "FIDO", status: "ACTIVE" };
const key2: RemovableFactor = { id: "fwf2", factorType: "webauthn", provider: "FIDO", status: "ACTIVE" };
const pendingKey: RemovableFactor = { ...key2, status: "PENDING_ACTIVATION" };

describe("factorRemovalRefusal", () => {
  it.each([
    ["no policy needs it", signOn(false), enroll("OPTIONAL", "OPTIONAL", "OPTIONAL"), [totp], totp, null],
    ["a pending factor can always go", signOn(true), enroll("REQUIRED", "REQUIRED", "REQUIRED"), [pendingKey], pendingKey, null],
    ["the only passkey while passkeys are REQUIRED", signOn(false), enroll("OPTIONAL", "OPTIONAL", "REQUIRED"), [totp, key1], key1, "required-by-enrollment"],
    ["one of two passkeys while passkeys are REQUIRED", signOn(false), enroll("OPTIONAL", "OPTIONAL", "REQUIRED"), [key1, key2], key1, null],
    ["a pending second passkey does not count", signOn(false), enroll("OPTIONAL", "OPTIONAL", "REQUIRED"), [key1, pendingKey], key1, "required-by-enrollment"],
    ["the last factor while the sign-on rule requires one", signOn(true), enroll("OPTIONAL", "OPTIONAL", "OPTIONAL"), [totp], totp, "last-required-factor"],
    ["another allowed factor remains", signOn(true), enroll("OPTIONAL", "OPTIONAL", "OPTIONAL"), [totp, key1], totp, null],
    ["the other factor is of a kind no longer allowed", signOn(true), enroll("OPTIONAL", "OPTIONAL", "NOT_ALLOWED"), [totp, key1], totp, "last-required-factor"],
    ["a DENY rule asks for nothing", signOn(true, "DENY"), enroll("OPTIONAL", "OPTIONAL", "OPTIONAL"), [totp], totp, null],
  ] as const)("%s", (_name, signOnDecision, enrollDecision, factors, factor, expected) => {
    expect(factorRemovalRefusal({ signOn: signOnDecision, enroll: enrollDecision, factors, factor })).toBe(expected);
  });
});
