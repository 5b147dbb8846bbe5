import { describe, expect, it } from "vitest";
import { logEventDetail } from "./log-event-detail";

const event = (debugData: Record<string, unknown>, result = "SUCCESS", reason: string | null = null) => ({ outcome: { result, reason }, debugContext: { debugData } });

describe("logEventDetail", () => {
  it.each([
    ["a TOTP factor of provider GOOGLE", event({ factorId: "uft1", factorType: "token:software:totp", provider: "GOOGLE" }), "Google Authenticator (TOTP)"],
    ["a TOTP factor of provider OKTA", event({ factorType: "token:software:totp", provider: "OKTA" }), "One-time code app (TOTP)"],
    ["a passkey", event({ factorType: "webauthn", provider: "FIDO" }), "Passkey or security key (WebAuthn)"],
    ["an unknown factor type", event({ factorType: "sms", provider: "OKTA" }), "sms (OKTA)"],
    ["a wrong code", event({ factorType: "webauthn", provider: "FIDO" }, "FAILURE", "INVALID_PASSCODE"), "Passkey or security key (WebAuthn) · Reason: wrong code"],
    ["a replayed code", event({ factorType: "token:software:totp", provider: "GOOGLE" }, "FAILURE", "PASSCODE_REPLAYED"), "Google Authenticator (TOTP) · Reason: the code was already used"],
    ["another reason, as written", event({}, "FAILURE", "the assertion did not verify"), "Reason: the assertion did not verify"],
    ["a reset of all factors", event({ factorIds: ["a", "b", "c"] }), "3 factors"],
    ["a reset of one", event({ factorIds: ["a"] }), "1 factor"],
    ["a success's reason is not shown", event({}, "SUCCESS", "whatever"), null],
    ["nothing to add", event({ apiTokenId: "dashboard" }), null],
    ["a factor type without a provider", event({ factorType: "webauthn" }), null],
  ])("%s", (_, input, expected) => {
    expect(logEventDetail(input)).toBe(expected);
  });
});
