// The sign-on and enrollment policy forms' choices and ranges: the values the Policy API validates against.
export { ENROLL_FACTORS, ENROLL_MOMENTS, ENROLL_REQUIREMENTS, FACTOR_KEYS, FACTOR_PROMPT_MODES, ORG_POLICY_TYPES } from "../sign-on-policies/org-policy-types";
export type { EnrollMoment, EnrollRequirement, FactorKey, FactorPromptMode, OrgPolicyType } from "../sign-on-policies/org-policy-types";
export { MAX_MINUTES } from "../admin/org-policies/org-policy-rule-input";
