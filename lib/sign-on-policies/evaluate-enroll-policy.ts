import type { ZoneSet } from "../network-zones/get-network-zones";
import type { OrgPolicySet } from "./get-org-policies";
import { matchPolicyRule } from "./match-policy-rule";
import { ENROLL_FACTORS, FACTOR_KEYS, type EnrollActions, type EnrollMoment, type EnrollRequirement, type FactorKey } from "./org-policy-types";

export type EnrollPolicyInput = { policies: OrgPolicySet; user: { id: string }; groupIds: readonly string[]; ipAddress: string | null; zones: ZoneSet };

export type EnrollDecision = {
  matched: { policyId: string; policyName: string; ruleId: string; ruleName: string } | null;
  /** when the user enrolls the REQUIRED factors they lack: at sign-in (LOGIN), when first challenged (CHALLENGE), or NEVER */
  enroll: EnrollMoment;
  /** per factor key of the policy's settings.factors (a key left out is NOT_ALLOWED) */
  factors: Record<FactorKey, EnrollRequirement>;
  /** the same per factor type and provider of the Factors API (token:software:totp OKTA/GOOGLE, webauthn FIDO) */
  byFactor: Array<{ key: FactorKey; factorType: string; provider: string; requirement: EnrollRequirement }>;
};

/**
 * The factor enrollment (MFA_ENROLL) policy decision for a user, pure: the first matching rule of
 * the first matching policy (matchPolicyRule) says when to enroll, the policy's settings which
 * factors are REQUIRED, OPTIONAL or NOT_ALLOWED (spec: Policy Factors Configuration object). No
 * match (impossible while the default policy and rule exist): nothing allowed, never enroll.
 */
export function evaluateEnrollPolicy(input: EnrollPolicyInput): EnrollDecision {
  const { policies, user, groupIds, ipAddress, zones } = input;
  const found = matchPolicyRule(policies.policies.MFA_ENROLL, { userId: user.id, groupIds, ipAddress, zones, everyoneGroupId: policies.everyoneGroupId });
  const settings = found?.policy.settings ?? null;
  const factors = Object.fromEntries(FACTOR_KEYS.map((key) => [key, settings?.[key] ?? "NOT_ALLOWED"])) as Record<FactorKey, EnrollRequirement>;
  return {
    matched: found ? { policyId: found.policy.id, policyName: found.policy.name, ruleId: found.rule.id, ruleName: found.rule.name } : null,
    enroll: found ? (found.rule.actions as EnrollActions).enroll.self : "NEVER",
    factors,
    byFactor: FACTOR_KEYS.map((key) => ({ key, ...ENROLL_FACTORS[key], requirement: factors[key] })),
  };
}
