import { describe, expect, it } from "vitest";
import type { EnrollDecision } from "../sign-on-policies/evaluate-enroll-policy";
import type { SignOnDecision } from "../sign-on-policies/evaluate-sign-on-policy";
import type { EnrollMoment, EnrollRequirement } from "../sign-on-policies/org-policy-types";
import { chooseSignInStep, type ActiveFactor } from "./choose-sign-in-step";
import { combineAmr, includesFactor } from "./combine-amr";

const NO_SESSION_LIMITS = { maxSessionIdleMinutes: 0, maxSessionLifetimeMinutes: 0, usePersistentCookie: false };
const signOn = (over: Partial<SignOnDecision> = {}): SignOnDecision => ({ matched: null, access: "ALLOW", requireFactor: false, factorPromptMode: null, factorLifetimeMinutes: null, rememberDeviceByDefault: false, challenge: false, session: NO_SESSION_LIMITS, ...over });
const CHALLENGE = signOn({ requireFactor: true, factorPromptMode: "ALWAYS", factorLifetimeMinutes: 15, challenge: true });
const enroll = (self: EnrollMoment, okta: EnrollRequirement, google: EnrollRequirement, fido: EnrollRequirement): EnrollDecision => ({
  matched: null,
  enroll: self,
  factors: { okta_otp: okta, google_otp: google, fido_webauthn: fido },
  byFactor: [
    { key: "okta_otp", factorType: "token:software:totp", provider: "OKTA", requirement: okta },
    { key: "google_otp", factorType: "token:software:totp", provider: "GOOGLE", requirement: google },
    { key: "fido_webauthn", factorType: "webauthn", provider: "FIDO", requirement: fido },
  ],
});
const DEFAULT_ENROLL = enroll("CHALLENGE", "OPTIONAL", "OPTIONAL", "OPTIONAL");
const GOOGLE: ActiveFactor = { id: "uft1", factorType: "token:software:totp", provider: "GOOGLE", profile: { credentialId: "a@x" } };
const PASSKEY: ActiveFactor = { id: "fwf1", factorType: "webauthn", provider: "FIDO", profile: null };
const verify = (...ids: string[]) => ({ kind: "verify", ids });
const enrolls = (...kinds: string[]) => ({ kind: "enroll", kinds });

describe("chooseSignInStep", () => {
  it.each<[string, Parameters<typeof chooseSignInStep>[0], unknown]>([
    ["DENY", { signOn: signOn({ access: "DENY" }), enroll: DEFAULT_ENROLL, factors: [GOOGLE], amr: ["pwd"], stepUp: false }, { kind: "denied" }],
    ["no factor required: done", { signOn: signOn(), enroll: DEFAULT_ENROLL, factors: [GOOGLE], amr: ["pwd"], stepUp: false }, { kind: "done" }],
    ["challenge: verify the ACTIVE factors", { signOn: CHALLENGE, enroll: DEFAULT_ENROLL, factors: [GOOGLE, PASSKEY], amr: ["pwd"], stepUp: false }, verify("uft1", "fwf1")],
    ["challenge, a factor already verified in this sign-in: done", { signOn: CHALLENGE, enroll: DEFAULT_ENROLL, factors: [GOOGLE], amr: ["pwd", "otp", "mfa"], stepUp: false }, { kind: "done" }],
    ["step-up asked by the app: verify", { signOn: signOn(), enroll: DEFAULT_ENROLL, factors: [GOOGLE], amr: ["pwd"], stepUp: true }, verify("uft1")],
    ["challenge, no factor, enroll on CHALLENGE: enroll the allowed ones", { signOn: CHALLENGE, enroll: DEFAULT_ENROLL, factors: [], amr: ["pwd"], stepUp: false }, enrolls("OKTA", "GOOGLE", "FIDO")],
    ["challenge, only a NOT_ALLOWED factor: enroll an allowed one", { signOn: CHALLENGE, enroll: enroll("CHALLENGE", "NOT_ALLOWED", "NOT_ALLOWED", "OPTIONAL"), factors: [GOOGLE], amr: ["pwd"], stepUp: false }, enrolls("FIDO")],
    ["challenge, only a NOT_ALLOWED factor, never enroll: verify it", { signOn: CHALLENGE, enroll: enroll("NEVER", "NOT_ALLOWED", "NOT_ALLOWED", "OPTIONAL"), factors: [GOOGLE], amr: ["pwd"], stepUp: false }, verify("uft1")],
    ["challenge, no factor, never enroll: denied (fails closed)", { signOn: CHALLENGE, enroll: enroll("NEVER", "OPTIONAL", "OPTIONAL", "OPTIONAL"), factors: [], amr: ["pwd"], stepUp: false }, { kind: "denied" }],
    ["LOGIN with a REQUIRED factor missing: enroll what is not set up", { signOn: signOn(), enroll: enroll("LOGIN", "NOT_ALLOWED", "OPTIONAL", "REQUIRED"), factors: [GOOGLE], amr: ["pwd"], stepUp: false }, enrolls("FIDO")],
    ["LOGIN with every REQUIRED factor set up: done", { signOn: signOn(), enroll: enroll("LOGIN", "NOT_ALLOWED", "OPTIONAL", "REQUIRED"), factors: [PASSKEY], amr: ["pwd"], stepUp: false }, { kind: "done" }],
    ["LOGIN, only OPTIONAL factors missing: done", { signOn: signOn(), enroll: enroll("LOGIN", "OPTIONAL", "OPTIONAL", "OPTIONAL"), factors: [], amr: ["pwd"], stepUp: false }, { kind: "done" }],
  ])("%s", (_name, input, expected) => {
    const step = chooseSignInStep(input);
    const summary =
      step.kind === "verify" ? verify(...step.factors.map((factor) => factor.id)) : step.kind === "enroll" ? enrolls(...step.options.map((option) => option.provider)) : step;
    expect(summary).toEqual(expected);
  });

  it("verify carries the rule's remember-device settings and each factor's profile (an object, else {})", () => {
    expect(chooseSignInStep({ signOn: { ...CHALLENGE, rememberDeviceByDefault: true }, enroll: DEFAULT_ENROLL, factors: [GOOGLE, PASSKEY], amr: ["pwd"], stepUp: false })).toEqual({
      kind: "verify",
      factors: [
        { id: "uft1", factorType: "token:software:totp", provider: "GOOGLE", profile: { credentialId: "a@x" } },
        { id: "fwf1", factorType: "webauthn", provider: "FIDO", profile: {} },
      ],
      rememberDeviceByDefault: true,
      factorLifetimeMinutes: 15,
    });
  });

  it("enroll says which factors are REQUIRED", () => {
    expect(chooseSignInStep({ signOn: signOn(), enroll: enroll("LOGIN", "REQUIRED", "OPTIONAL", "NOT_ALLOWED"), factors: [], amr: ["pwd"], stepUp: false })).toEqual({
      kind: "enroll",
      options: [
        { factorType: "token:software:totp", provider: "OKTA", requirement: "REQUIRED" },
        { factorType: "token:software:totp", provider: "GOOGLE", requirement: "OPTIONAL" },
      ],
    });
  });
});

describe("combineAmr (RFC 8176)", () => {
  it.each([
    [[["pwd"]], ["pwd"]],
    [[["pwd"], ["otp"]], ["pwd", "otp", "mfa"]],
    [[["pwd", "otp", "mfa"], ["otp"]], ["pwd", "otp", "mfa"]],
    [[["hwk", "user"]], ["hwk", "user"]],
    [[["pwd"], ["swk", "user"]], ["pwd", "swk", "user", "mfa"]],
    [[["otp"], ["hwk", "user"]], ["otp", "hwk", "user"]],
    [[["pwd"], ["pwd"]], ["pwd"]],
  ])("%j -> %j", (lists, expected) => {
    expect(combineAmr(...lists)).toEqual(expected);
  });

  it.each([
    [["pwd"], false],
    [["pwd", "otp", "mfa"], true],
    [["hwk", "user"], true],
    [["swk"], true],
    [[], false],
  ])("includesFactor(%j) = %s", (amr, expected) => {
    expect(includesFactor(amr)).toBe(expected);
  });
});
