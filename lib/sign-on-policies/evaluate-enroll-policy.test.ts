import { describe, expect, it } from "vitest";
import { NO_ZONES } from "../network-zones/get-network-zones";
import { evaluateEnrollPolicy } from "./evaluate-enroll-policy";
import type { ActivePolicy, OrgPolicySet } from "./get-org-policies";
import { EVERYONE_ANYWHERE, type EnrollMoment, type FactorSettings } from "./org-policy-types";

const enrollPolicy = (id: string, settings: Partial<FactorSettings>, self: EnrollMoment, groupsInclude: string[] = []): ActivePolicy => ({
  id,
  name: `Policy ${id}`,
  groupsInclude,
  settings: settings as FactorSettings,
  rules: [{ id: `${id}-rule`, name: "Rule", conditions: EVERYONE_ANYWHERE, actions: { enroll: { self } } }],
});
const DEFAULT = enrollPolicy("default", { okta_otp: "OPTIONAL", google_otp: "OPTIONAL", fido_webauthn: "OPTIONAL" }, "CHALLENGE");
const set = (...enroll: ActivePolicy[]): OrgPolicySet => ({ policies: { OKTA_SIGN_ON: [], MFA_ENROLL: [...enroll, DEFAULT] }, everyoneGroupId: "00gEveryone" });
const evaluate = (policies: OrgPolicySet) => evaluateEnrollPolicy({ policies, user: { id: "00uAlice" }, groupIds: ["00gStaff"], ipAddress: null, zones: NO_ZONES });

describe("evaluateEnrollPolicy", () => {
  it.each([
    ["the default: every factor optional, enroll when challenged", set(), "default", "CHALLENGE", { okta_otp: "OPTIONAL", google_otp: "OPTIONAL", fido_webauthn: "OPTIONAL" }],
    [
      "a staff policy: a passkey required at sign-in, others not allowed (left out)",
      set(enrollPolicy("staff", { fido_webauthn: "REQUIRED" }, "LOGIN", ["00gStaff"])),
      "staff",
      "LOGIN",
      { okta_otp: "NOT_ALLOWED", google_otp: "NOT_ALLOWED", fido_webauthn: "REQUIRED" },
    ],
    ["a policy for another group gives way", set(enrollPolicy("admins", { okta_otp: "REQUIRED" }, "LOGIN", ["00gAdmins"])), "default", "CHALLENGE", { okta_otp: "OPTIONAL", google_otp: "OPTIONAL", fido_webauthn: "OPTIONAL" }],
  ] as const)("%s", (_, policies, policyId, enroll, factors) => {
    const decision = evaluateEnrollPolicy({ policies, user: { id: "00uAlice" }, groupIds: ["00gStaff"], ipAddress: null, zones: NO_ZONES });
    expect([decision.matched?.policyId, decision.enroll, decision.factors]).toEqual([policyId, enroll, factors]);
  });

  it("names each factor's type and provider as the Factors API does", () => {
    expect(evaluate(set()).byFactor).toEqual([
      { key: "okta_otp", factorType: "token:software:totp", provider: "OKTA", requirement: "OPTIONAL" },
      { key: "google_otp", factorType: "token:software:totp", provider: "GOOGLE", requirement: "OPTIONAL" },
      { key: "fido_webauthn", factorType: "webauthn", provider: "FIDO", requirement: "OPTIONAL" },
    ]);
  });

  it("allows nothing and never enrolls when nothing matches", () => {
    const none: OrgPolicySet = { policies: { OKTA_SIGN_ON: [], MFA_ENROLL: [] }, everyoneGroupId: null };
    expect(evaluate(none)).toMatchObject({ matched: null, enroll: "NEVER", factors: { okta_otp: "NOT_ALLOWED", google_otp: "NOT_ALLOWED", fido_webauthn: "NOT_ALLOWED" } });
  });
});
